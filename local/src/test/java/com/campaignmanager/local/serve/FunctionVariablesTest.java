package com.campaignmanager.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.lambda.InProcessFunctions;
import com.campaignmanager.local.lambda.VariablesProbeHandler;
import com.campaignmanager.local.template.SamTemplate;
import com.campaignmanager.shared.config.Environment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each function sees the variables its template entry names, with the runner's local values, and no others. */
class FunctionVariablesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> DATABASE = Map.of("DB_CLUSTER_ARN", "arn:local-cluster",
            "DB_SECRET_ARN", "arn:local-secret", "DB_NAME", "local_db", "DATA_API_ENDPOINT", "http://127.0.0.1:1",
            "AWS_REGION", "us-east-1");
    private static final Map<String, String> DEVELOPMENT = LocalBackend.developmentSettings(RunnerOptions.defaults());

    private static FunctionVariables runner(Map<String, String> processEnvironment) {
        return new FunctionVariables(DATABASE, DEVELOPMENT, processEnvironment);
    }

    @Test
    void theRepositoryTemplateGivesEachFunctionItsOwnSecretsAndEveryFunctionTheDatabase() throws Exception {
        SamTemplate template = SamTemplate.read(LocalRunnerFixture.REPOSITORY.resolve("template.yaml"));
        Map<String, Map<String, String>> variables = runner(Map.of()).of(template);

        assertThat(variables).containsOnlyKeys(template.functions().keySet());
        variables.forEach((function, own) -> assertThat(own).as(function).containsAllEntriesOf(DATABASE));
        assertThat(variables.get("ListsFunction"))
                .containsEntry("UNSUBSCRIBE_SIGNING_KEY", DEVELOPMENT.get("UNSUBSCRIBE_SIGNING_KEY"))
                .containsEntry("POWERTOOLS_SERVICE_NAME", "lists")
                .containsEntry("DB_NAME", "local_db") // the runner's database, not the parameter's default
                .doesNotContainKeys("PUBLIC_API_URL", "MAILJET_WEBHOOK_PASSWORD", "EMAIL_PROVIDER");
        // PUBLIC_API_URL is an Fn::If in the template: the runner's address stands in.
        assertThat(variables.get("CampaignsFunction"))
                .containsEntry("PUBLIC_API_URL", "http://127.0.0.1:3000")
                .containsEntry("EMAIL_PROVIDER", "outbox")
                .doesNotContainKey("MAILJET_WEBHOOK_PASSWORD");
        assertThat(variables.get("MailjetEventsFunction"))
                .containsEntry("MAILJET_WEBHOOK_PASSWORD", "local-webhook-secret")
                .doesNotContainKey("UNSUBSCRIBE_SIGNING_KEY");
        // Named by the template, but a reference to a resource that exists only on AWS: absent locally.
        assertThat(variables.get("HealthMonitorFunction")).doesNotContainKey("JOBS_DEAD_LETTER_QUEUE_URL");
    }

    @Test
    void theRunnersEnvironmentWinsOnlyForVariablesTheEntryNames() throws Exception {
        SamTemplate template = SamTemplate.read(LocalRunnerFixture.REPOSITORY.resolve("template.yaml"));
        Map<String, Map<String, String>> variables = runner(Map.of("EMAIL_PROVIDER", "mailjet",
                "ADMIN_EMAIL", "alice@example.com", "MAILJET_SANDBOX", "true", "JOBS_DEAD_LETTER_QUEUE_URL",
                "http://127.0.0.1:2/queue", "PATH", "/usr/bin")).of(template);

        assertThat(variables.get("CampaignsFunction")).containsEntry("EMAIL_PROVIDER", "mailjet")
                .containsEntry("ADMIN_EMAIL", "alice@example.com"); // Globals: every function names it
        assertThat(variables.get("TeamFunction")).containsEntry("ADMIN_EMAIL", "alice@example.com")
                .doesNotContainKey("EMAIL_PROVIDER");
        assertThat(variables.get("HealthMonitorFunction"))
                .containsEntry("JOBS_DEAD_LETTER_QUEUE_URL", "http://127.0.0.1:2/queue");
        variables.forEach((function, own) -> assertThat(own).as(function).doesNotContainKeys("MAILJET_SANDBOX", "PATH"));
    }

    @Test
    void aFunctionRunInProcessSeesItsOwnVariablesOnlyAndTheCallerNone() throws Exception {
        Path file = Files.createTempFile("probe-template", ".yaml");
        String probe = VariablesProbeHandler.class.getName() + "::handleRequest";
        Files.writeString(file, """
                Parameters:
                  SlackWebhookUrl: {Type: String, Default: 'https://hooks.example/one'}
                  UnsubscribeSigningKey: {Type: String}
                Globals:
                  Function:
                    Environment:
                      Variables:
                        DB_NAME: {Ref: DatabaseName}
                        APP_URL: https://app.example
                Resources:
                  WithHook:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: %s
                      Environment:
                        Variables:
                          SLACK_WEBHOOK_URL: {Ref: SlackWebhookUrl}
                          UNSUBSCRIBE_SIGNING_KEY: {Ref: UnsubscribeSigningKey}
                          PUBLIC_API_URL: {'Fn::If': [HasPublicApiUrl, {Ref: PublicApiUrl}, 'unknown']}
                  WithoutHook:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: %s
                """.formatted(probe, probe));
        SamTemplate template = SamTemplate.read(file);
        InProcessFunctions functions = new InProcessFunctions(template, runner(Map.of()).of(template));
        String names = JSON.writeValueAsString(new String[] {"SLACK_WEBHOOK_URL", "UNSUBSCRIBE_SIGNING_KEY",
                "PUBLIC_API_URL", "MAILJET_WEBHOOK_PASSWORD", "APP_URL", "DB_NAME", "AWS_REGION"});
        System.setProperty("SLACK_WEBHOOK_URL", "https://hooks.example/jvm-wide");
        try {
            JsonNode with = JSON.readTree(functions.invoke("WithHook", names.getBytes(StandardCharsets.UTF_8)));
            JsonNode without = JSON.readTree(functions.invoke("WithoutHook", names.getBytes(StandardCharsets.UTF_8)));

            assertThat(with.path("SLACK_WEBHOOK_URL").asText()).isEqualTo("https://hooks.example/one");
            assertThat(with.path("UNSUBSCRIBE_SIGNING_KEY").asText()).isEqualTo(
                    DEVELOPMENT.get("UNSUBSCRIBE_SIGNING_KEY"));
            assertThat(with.path("PUBLIC_API_URL").asText()).isEqualTo("http://127.0.0.1:3000");
            assertThat(with.has("MAILJET_WEBHOOK_PASSWORD")).as("named by no function here").isFalse();
            assertThat(without.has("SLACK_WEBHOOK_URL")).as("WithHook's, and a system property's").isFalse();
            assertThat(without.has("UNSUBSCRIBE_SIGNING_KEY")).isFalse();
            assertThat(without.has("PUBLIC_API_URL")).isFalse();
            for (JsonNode seen : new JsonNode[] {with, without}) {
                assertThat(seen.path("APP_URL").asText()).isEqualTo("https://app.example");
                assertThat(seen.path("DB_NAME").asText()).isEqualTo("local_db");
                assertThat(seen.path("AWS_REGION").asText()).isEqualTo("us-east-1");
            }
            // The caller's thread is back to the tests' fallback.
            assertThat(Environment.system().optional("SLACK_WEBHOOK_URL")).contains("https://hooks.example/jvm-wide");
            assertThat(Environment.system().optional("UNSUBSCRIBE_SIGNING_KEY")).isEmpty();
        } finally {
            System.clearProperty("SLACK_WEBHOOK_URL");
        }
    }
}
