package com.campaignmanager.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.auth.LocalAuthConfig;
import com.campaignmanager.local.auth.LocalSigningKey;
import com.campaignmanager.local.auth.LocalTokenIssuer;
import com.campaignmanager.local.auth.TokenCommand;
import com.campaignmanager.local.auth.TokenRequest;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDataApiExtension.class)
class ServeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static URI base;

    @BeforeAll
    static void serve() {
        base = LocalRunnerFixture.running().endpoint();
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenFromTheCommand(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(1);
        return printed.trim();
    }

    @Test
    void healthIsPublicAndReportsTheDatabase() throws Exception {
        HttpResponse<String> response = call("GET", "/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("database").get("status").asText()).isEqualTo("ok");
        assertThat(health.get("version").asText()).isNotBlank();
    }

    @Test
    void authenticatedRoutesNeedAValidToken() throws Exception {
        String token = tokenFromTheCommand("--data-dir", LocalRunnerFixture.dataDir().toString(), "--sub", "alice",
                "--email", "alice@example.com", "--role", "editor", "--role", "approver");

        HttpResponse<String> anonymous = call("GET", "/me", null, null);
        HttpResponse<String> forged = call("GET", "/me", token.substring(0, token.length() - 4) + "AAAA", null);
        HttpResponse<String> me = call("GET", "/me", token, null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("sub").asText()).isEqualTo("alice");
        assertThat(body.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(body.get("roles")).extracting(JsonNode::asText).containsExactly("editor", "approver");
    }

    @Test
    void expiredOrWrongAudienceTokensAre401() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(LocalRunnerFixture.dataDir());
        String otherAudience = new LocalTokenIssuer(key, new LocalAuthConfig(LocalAuthConfig.DEFAULT_ISSUER, "someone-else"))
                .issue(new TokenRequest("bob", "bob@example.com", List.of("viewer"), Duration.ofHours(1)));
        String expired = new LocalTokenIssuer(key, LocalAuthConfig.defaults(),
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(-3)))
                .issue(new TokenRequest("bob", "bob@example.com", List.of("viewer"), Duration.ofHours(1)));

        assertThat(call("GET", "/me", otherAudience, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/me", expired, null).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownRoutesAreApiGateways404() throws Exception {
        HttpResponse<String> response = call("GET", "/no/such/route", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(call("DELETE", "/health", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void firesAScheduleOnDemandAndAnswersWithItsResult() throws Exception {
        HttpResponse<String> fired = call("POST", "/_local/schedules/HealthMonitorFunction", null, null);
        HttpResponse<String> unknown = call("POST", "/_local/schedules/NoSuchFunction", null, null);

        assertThat(fired.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(fired.body()).get("status").asText()).isEqualTo("ok");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> local(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).contains(detail);
    }

    @Test
    void localEndpointsRefuseAnyRequestFromAWebPage() throws Exception {
        String event = java.nio.file.Files.readString(LocalRunnerFixture.REPOSITORY.resolve("events/health/get-health.json"));

        assertProblem(local("/_local/schedules/HealthMonitorFunction", null, "Origin", "https://evil.example"), 403,
                "Origin");
        assertProblem(local("/_local/schedules/HealthMonitorFunction", null, "Origin", "null"), 403, "Origin");
        assertProblem(local("/_local/invoke/HealthFunction", event, "Origin", "http://127.0.0.1:3000",
                "Content-Type", "application/json"), 403, "Origin");
        // What a page can send without asking first: plain text and forms.
        assertProblem(local("/_local/invoke/HealthFunction", event, "Content-Type", "text/plain;charset=UTF-8"), 415,
                "Content-Type text/plain");
        assertProblem(local("/_local/schedules/HealthMonitorFunction", "a=b", "Content-Type",
                "application/x-www-form-urlencoded"), 415, "application/x-www-form-urlencoded");
        assertProblem(local("/_local/schedules/HealthMonitorFunction", "", "Content-Type", "multipart/form-data;"
                + " boundary=x"), 415, "multipart/form-data");
        assertProblem(local("/_local/invoke/HealthFunction", event), 415, "a body without a Content-Type");
    }

    @Test
    void localEndpointsTakeJsonOrNoBodyFromThisMachine() throws Exception {
        String event = java.nio.file.Files.readString(LocalRunnerFixture.REPOSITORY.resolve("events/health/get-health.json"));

        HttpResponse<String> invoked = local("/_local/invoke/HealthFunction", event, "Content-Type",
                "application/json; charset=utf-8");
        HttpResponse<String> fired = local("/_local/schedules/HealthMonitorFunction", null);
        HttpResponse<String> firedWithJson = local("/_local/schedules/HealthMonitorFunction", "{}", "Content-Type",
                "application/json");

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        assertThat(JSON.readTree(invoked.body()).get("statusCode").asInt()).isEqualTo(200);
        assertThat(fired.statusCode()).isEqualTo(200);
        assertThat(firedWithJson.statusCode()).isEqualTo(200);
    }

    @Test
    void invokeGoesThroughTheRunningRunner() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            status = InvokeCommand.run(new String[] {"HealthFunction", "--event",
                    LocalRunnerFixture.REPOSITORY.resolve("events/health/get-health.json").toString(),
                    "--data-dir", LocalRunnerFixture.dataDir().toString()});
        } finally {
            System.setOut(original);
        }

        assertThat(status).isZero();
        JsonNode response = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aListIsCreatedAndFilledFromACsvOverHttp() throws Exception {
        String token = tokenFromTheCommand("--data-dir", LocalRunnerFixture.dataDir().toString(), "--sub", "erin",
                "--email", "erin@example.com", "--role", "editor");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(base.resolve("/lists"))
                .header("Authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Runner list " + System.nanoTime() + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String listId = JSON.readTree(created.body()).get("id").asText();

        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(base.resolve("/lists/" + listId + "/imports"))
                .header("Authorization", "Bearer " + token).header("content-type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("email;name\nzoe@example.com;Zoe\nbad;X\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> contacts = call("GET", "/lists/" + listId + "/contacts?limit=10", token, null);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("location")).contains("/lists/" + listId);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("added").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(contacts.body()).get("items").get(0).get("attributes").get("name").asText())
                .isEqualTo("Zoe");
    }

    @Test
    void migratedTheSchemaAtStart() throws Exception {
        var dataApi = LocalDataApiExtension.dataApi();
        try (var connection = java.sql.DriverManager.getConnection(dataApi.jdbcUrl("runner_tests"), dataApi.user(),
                dataApi.password());
             var rs = connection.createStatement().executeQuery("SELECT count(*) FROM schema_migrations")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
    }
}
