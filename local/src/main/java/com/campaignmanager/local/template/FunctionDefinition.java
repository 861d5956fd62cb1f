package com.campaignmanager.local.template;

import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of template.yaml, as the local runner needs it.
 *
 * @param handler {@code com.example.FooHandler::handleRequest}
 * @param environment variables with Globals merged in; values the runner could not resolve (intrinsics other
 *                    than parameter references) are absent
 */
public record FunctionDefinition(String logicalId, String handler, Map<String, String> environment,
                                 int timeoutSeconds, List<HttpRoute> routes, List<ScheduleDefinition> schedules) {
    public FunctionDefinition {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
        schedules = List.copyOf(schedules);
    }

    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }
}
