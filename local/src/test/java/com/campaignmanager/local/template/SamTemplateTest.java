package com.campaignmanager.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.schedule.ScheduleExpression;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
    private static final Path TEMPLATE = Path.of("..", "template.yaml");

    @Test
    void readsFunctionsRoutesSchedulesAndEnvironment() throws Exception {
        SamTemplate template = SamTemplate.read(TEMPLATE);

        assertThat(template.functions()).containsKeys("MigrateFunction", "HealthFunction", "HealthMonitorFunction",
                "TeamFunction");
        assertThat(template.routes()).contains(new HttpRoute("HealthFunction", "GET", "/health", false),
                new HttpRoute("TeamFunction", "GET", "/me", true));
        assertThat(template.schedules()).contains(
                new ScheduleDefinition("HealthMonitorFunction", "Every5Minutes", "rate(5 minutes)", true));
        FunctionDefinition health = template.function("HealthFunction").orElseThrow();
        assertThat(health.environment()).containsEntry("POWERTOOLS_SERVICE_NAME", "health")
                .containsEntry("DB_NAME", "campaigns")
                .doesNotContainKey("DB_CLUSTER_ARN");
        assertThat(template.function("MigrateFunction").orElseThrow().timeoutSeconds()).isEqualTo(600);
    }

    @Test
    void everyHandlerLoadsAndEveryScheduleParses() throws Exception {
        SamTemplate template = SamTemplate.read(TEMPLATE);

        for (FunctionDefinition function : template.functions().values()) {
            Class<?> handler = Class.forName(function.handlerClass(), false, getClass().getClassLoader());
            assertThat(handler.getInterfaces()).as(function.logicalId()).isNotEmpty();
        }
        for (ScheduleDefinition schedule : template.schedules()) {
            assertThat(ScheduleExpression.parse(schedule.expression())).isNotNull();
        }
    }

    @Test
    void resolvesParameterReferencesToTheirDefaults() {
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(SamTemplate.resolve(yaml.valueToTree(Map.of("Ref", "LogLevel")), Map.of("LogLevel", "INFO")))
                .contains("INFO");
        assertThat(SamTemplate.resolve(yaml.valueToTree(Map.of("Fn::GetAtt", "X.Arn")), Map.of())).isEmpty();
    }
}
