package com.campaignmanager.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * template.yaml read as the local runner needs it: every function with its handler, environment, HTTP routes
 * and schedules. Nothing about a particular function is known here, so adding a function to the template is
 * all it takes for the runner to serve and schedule it.
 */
public final class SamTemplate {
    private final Map<String, FunctionDefinition> functions;

    private SamTemplate(Map<String, FunctionDefinition> functions) {
        this.functions = Map.copyOf(functions);
    }

    public static SamTemplate read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (root == null || !root.has("Resources")) {
            throw new IOException(file + " has no Resources");
        }
        return parse(root);
    }

    static SamTemplate parse(JsonNode root) {
        Map<String, String> parameterDefaults = new LinkedHashMap<>();
        root.path("Parameters").fields().forEachRemaining(p -> {
            JsonNode value = p.getValue().get("Default");
            if (value != null && value.isValueNode()) {
                parameterDefaults.put(p.getKey(), value.asText());
            }
        });
        JsonNode globals = root.path("Globals").path("Function");
        Map<String, FunctionDefinition> functions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                continue;
            }
            String logicalId = resource.getKey();
            JsonNode properties = resource.getValue().path("Properties");
            String handler = properties.path("Handler").asText(null);
            if (handler == null) {
                throw new IllegalArgumentException(logicalId + " has no Handler");
            }
            Map<String, String> environment = new LinkedHashMap<>();
            Set<String> variableNames = new LinkedHashSet<>();
            for (JsonNode variables : List.of(globals.path("Environment").path("Variables"),
                    properties.path("Environment").path("Variables"))) {
                variables.fieldNames().forEachRemaining(variableNames::add);
                addEnvironment(environment, variables, parameterDefaults);
            }
            int timeout = properties.path("Timeout").asInt(globals.path("Timeout").asInt(3));
            List<HttpRoute> routes = new ArrayList<>();
            List<ScheduleDefinition> schedules = new ArrayList<>();
            properties.path("Events").fields().forEachRemaining(event -> {
                JsonNode eventProperties = event.getValue().path("Properties");
                switch (event.getValue().path("Type").asText()) {
                    case "HttpApi" -> routes.add(new HttpRoute(logicalId,
                            eventProperties.path("Method").asText("ANY").toUpperCase(java.util.Locale.ROOT)
                                    .replace("X-AMAZON-APIGATEWAY-ANY-METHOD", "ANY"),
                            eventProperties.path("Path").asText("/$default"),
                            !"NONE".equals(eventProperties.path("Auth").path("Authorizer").asText())));
                    case "Schedule", "ScheduleV2" -> schedules.add(new ScheduleDefinition(logicalId, event.getKey(),
                            eventProperties.path(event.getValue().path("Type").asText().equals("Schedule")
                                    ? "Schedule" : "ScheduleExpression").asText(),
                            eventProperties.path("Enabled").asBoolean(true)
                                    && !"DISABLED".equals(eventProperties.path("State").asText())));
                    default -> {
                        // Other event sources are not served locally.
                    }
                }
            });
            functions.put(logicalId, new FunctionDefinition(logicalId, handler, environment, variableNames,
                    timeout, routes, schedules));
        }
        return new SamTemplate(functions);
    }

    private static void addEnvironment(Map<String, String> environment, JsonNode variables,
                                       Map<String, String> parameterDefaults) {
        variables.fields().forEachRemaining(variable -> {
            resolve(variable.getValue(), parameterDefaults).ifPresentOrElse(
                    value -> environment.put(variable.getKey(), value),
                    () -> environment.remove(variable.getKey()));
        });
    }

    /** A literal, or a parameter reference resolved to its default; other intrinsics cannot be known locally. */
    static Optional<String> resolve(JsonNode value, Map<String, String> parameterDefaults) {
        if (value.isValueNode()) {
            return Optional.of(value.asText());
        }
        if (value.isObject() && value.size() == 1 && value.has("Ref")) {
            return Optional.ofNullable(parameterDefaults.get(value.get("Ref").asText()));
        }
        return Optional.empty();
    }

    public Map<String, FunctionDefinition> functions() {
        return functions;
    }

    public Optional<FunctionDefinition> function(String logicalId) {
        return Optional.ofNullable(functions.get(logicalId));
    }

    public List<HttpRoute> routes() {
        List<HttpRoute> routes = new ArrayList<>();
        functions.values().forEach(f -> routes.addAll(f.routes()));
        return routes;
    }

    public List<ScheduleDefinition> schedules() {
        List<ScheduleDefinition> schedules = new ArrayList<>();
        functions.values().forEach(f -> schedules.addAll(f.schedules()));
        return schedules;
    }
}
