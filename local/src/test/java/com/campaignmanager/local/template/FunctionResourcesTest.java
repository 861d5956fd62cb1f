package com.campaignmanager.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What template.yaml writes out once per function, since CloudFormation has no loop without a transform: each
 * function logs to its own group with the configured retention, reaches the database through the shared
 * policy, and (but for MigrateFunction, whose failure fails the deploy) has the same errors alarm as the others.
 */
class FunctionResourcesTest {
    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ref(String logicalId) {
        return JSON.createObjectNode().put("Ref", logicalId);
    }

    @Test
    void everyFunctionHasItsLogGroupPolicyAndErrorsAlarm() throws Exception {
        JsonNode resources = new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile()).get("Resources");
        List<String> functions = new ArrayList<>();
        resources.fields().forEachRemaining(r -> {
            if (r.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                functions.add(r.getKey());
            }
        });
        JsonNode standardAlarm = null;
        SoftAssertions softly = new SoftAssertions();
        for (String function : functions) {
            String name = function.replaceFirst("Function$", "");
            JsonNode properties = resources.get(function).get("Properties");
            JsonNode logGroup = resources.path(name + "LogGroup");
            softly.assertThat(properties.path("LoggingConfig").path("LogGroup")).as(function)
                    .isEqualTo(ref(name + "LogGroup"));
            softly.assertThat(logGroup.path("Type").asText()).as(name + "LogGroup").isEqualTo("AWS::Logs::LogGroup");
            softly.assertThat(logGroup.path("Properties")).as(name + "LogGroup")
                    .isEqualTo(JSON.valueToTree(Map.of("RetentionInDays", Map.of("Ref", "LogRetentionDays"))));
            softly.assertThat(properties.path("Policies")).as(function + " policies")
                    .contains(ref("DataApiAccessPolicy"));

            JsonNode alarm = resources.path(name + "ErrorsAlarm");
            if (function.equals("MigrateFunction")) {
                softly.assertThat(alarm.isMissingNode()).as(name + "ErrorsAlarm").isTrue();
                continue;
            }
            softly.assertThat(alarm.path("Type").asText()).as(name + "ErrorsAlarm")
                    .isEqualTo("AWS::CloudWatch::Alarm");
            ObjectNode alarmProperties = alarm.path("Properties").deepCopy();
            softly.assertThat(alarmProperties.remove("Dimensions")).as(name + "ErrorsAlarm dimensions")
                    .isEqualTo(JSON.valueToTree(List.of(Map.of("Name", "FunctionName", "Value", ref(function)))));
            softly.assertThat(alarmProperties.remove("AlarmDescription")).as(name + "ErrorsAlarm description")
                    .isNotNull();
            if (standardAlarm == null) {
                standardAlarm = alarmProperties;
            }
            softly.assertThat(alarmProperties).as(name + "ErrorsAlarm, but for its function and description")
                    .isEqualTo(standardAlarm);
        }
        softly.assertAll();
        assertThat(functions).hasSizeGreaterThan(10);
        assertThat(standardAlarm.path("MetricName").asText()).isEqualTo("Errors");
        assertThat(standardAlarm.path("Namespace").asText()).isEqualTo("AWS/Lambda");
        assertThat(standardAlarm.path("AlarmActions")).containsExactly(ref("AlarmTopic"));
    }
}
