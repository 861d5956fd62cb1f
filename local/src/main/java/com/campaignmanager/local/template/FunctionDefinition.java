package com.campaignmanager.local.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code AWS::Serverless::Function} of template.yaml, as the local runner needs it.
 *
 * @param handler {@code com.example.FooHandler::handleRequest}
 * @param environment variables with Globals merged in; values the runner could not resolve (intrinsics other
 *                    than parameter references) are absent
 * @param variableNames every variable the function is given (Globals and its own), its value resolved or not:
 *                      what it sees on AWS, and so all it may see locally
 */
public record FunctionDefinition(String logicalId, String handler, Map<String, String> environment,
                                 Set<String> variableNames, int timeoutSeconds, List<HttpRoute> routes,
                                 List<ScheduleDefinition> schedules) {
    public FunctionDefinition {
        environment = Map.copyOf(environment);
        variableNames = Set.copyOf(variableNames);
        routes = List.copyOf(routes);
        schedules = List.copyOf(schedules);
    }

    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }
}
