package com.campaignmanager.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.CampaignLocal;
import com.campaignmanager.local.dataapi.ChildJvm;
import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A variable missing from a function's template entry fails locally as it would on AWS, even though another
 * function has it. The broken template runs in a runner of its own (a JVM of its own: a handler initialises once
 * per JVM, and this one must fail), over this JVM's PostgreSQL.
 */
@ExtendWith(LocalDataApiExtension.class)
class MissingVariableTest {
    private static final String READY = "campaign-manager is ready at ";
    private static final String KEY = "UNSUBSCRIBE_SIGNING_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVENTS = LocalRunnerFixture.REPOSITORY.resolve("events");

    @Test
    void aFunctionWhoseEntryLacksAVariableItNeedsFailsAtInitNamingItWhileAnotherWithItWorks() throws Exception {
        Path dataDir = Files.createTempDirectory("missing-variable");
        Path template = dataDir.resolve("template.yaml");
        YAMLMapper yaml = new YAMLMapper();
        JsonNode root = yaml.readTree(LocalRunnerFixture.REPOSITORY.resolve("template.yaml").toFile());
        ObjectNode listsVariables = (ObjectNode) root.at("/Resources/ListsFunction/Properties/Environment/Variables");
        assertThat(listsVariables.remove(KEY)).as("ListsFunction's entry names " + KEY).isNotNull();
        assertThat(root.at("/Resources/CampaignsFunction/Properties/Environment/Variables").has(KEY)).isTrue();
        yaml.writeValue(template.toFile(), root);

        LocalDataApi postgres = LocalDataApiExtension.dataApi();
        try (ChildJvm runner = ChildJvm.start(CampaignLocal.class, Map.of("EMAIL_PROVIDER", "outbox"), "serve",
                "--port", "0", "--data-dir", dataDir.toString(), "--template", template.toString(),
                "--jdbc-url", postgres.jdbcUrl("postgres"), "--db-user", postgres.user(),
                "--db-password", postgres.password(), "--database", "missing_variable_tests")) {
            String line = runner.awaitLine(l -> l.startsWith(READY), Duration.ofSeconds(180));
            URI base = URI.create(line.substring(READY.length(), line.indexOf(' ', READY.length())));

            for (int call = 1; call <= 2; call++) { // the second call still says why
                HttpResponse<String> lists = invoke(base, "ListsFunction", EVENTS.resolve("lists/list-lists.json"));
                assertThat(lists.headers().firstValue("x-amz-function-error")).as(lists.body()).isPresent();
                assertThat(JSON.readTree(lists.body()).path("errorMessage").asText()).as("call " + call)
                        .contains("ListsFunction", "failed to initialise", "Missing required environment variable "
                                + KEY);
            }

            HttpResponse<String> campaigns = invoke(base, "CampaignsFunction",
                    EVENTS.resolve("campaigns/list-campaigns.json"));
            assertThat(campaigns.headers().firstValue("x-amz-function-error")).as(campaigns.body()).isEmpty();
            assertThat(JSON.readTree(campaigns.body()).path("statusCode").asInt()).isEqualTo(200);
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void withTheRepositoryTemplateTheSameFunctionWorks() throws Exception {
        byte[] event = Files.readAllBytes(EVENTS.resolve("lists/list-lists.json"));
        JsonNode response = JSON.readTree(LocalRunnerFixture.running().backend().functions()
                .invoke("ListsFunction", event));

        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
    }

    private static HttpResponse<String> invoke(URI base, String function, Path event) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/_local/invoke/" + function))
                        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofFile(event)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
