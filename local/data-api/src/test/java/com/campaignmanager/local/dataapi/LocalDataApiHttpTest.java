package com.campaignmanager.local.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The wire protocol as a non-SDK caller sees it: headers, error bodies, and the fault admin route. */
@ExtendWith(LocalDataApiExtension.class)
class LocalDataApiHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalDataApi api = LocalDataApiExtension.dataApi();

    @AfterEach
    void clearFaults() {
        api.faults().clear();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api.endpoint() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String execute(String sql) {
        return "{\"resourceArn\":\"" + api.clusterArn() + "\",\"secretArn\":\"" + api.secretArn() + "\",\"sql\":\""
                + sql + "\",\"someFutureMember\":{\"x\":1}}";
    }

    @Test
    void bothJsonContentTypesWorkAndUnknownMembersAreIgnored() throws Exception {
        for (String contentType : new String[] {"application/json", "application/x-amz-json-1.1"}) {
            HttpResponse<String> response = post("/Execute", contentType, execute("select 1 as one"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.at("/records/0/0/longValue").asLong()).isEqualTo(1L);
            assertThat(body.get("numberOfRecordsUpdated").asLong()).isZero();
            assertThat(body.get("generatedFields").isArray()).isTrue();
        }
    }

    @Test
    void aMissingRequiredMemberIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/Execute", "application/json",
                "{\"resourceArn\":\"" + api.clusterArn() + "\",\"secretArn\":\"" + api.secretArn() + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("BadRequestException");
        assertThat(body.get("message").asText()).contains("'sql'");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/Execute", "application/json", "{not json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
    }

    @Test
    void aRequestOverFourMebibytesIsRefused() throws Exception {
        String padding = "x".repeat(4 * 1024 * 1024);
        HttpResponse<String> response = post("/Execute", "application/json",
                "{\"sql\":\"select 1\",\"padding\":\"" + padding + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
    }

    @Test
    void unknownPathsAndTheRetiredExecuteSql() throws Exception {
        assertThat(post("/Nope", "application/json", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> executeSql = post("/ExecuteSql", "application/json", "{}");
        assertThat(executeSql.statusCode()).isEqualTo(400);
        assertThat(executeSql.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
    }

    @Test
    void aStatementTimeoutCarriesTheConnectionId() throws Exception {
        api.faults().failNext(1, DataApiFault.STATEMENT_TIMEOUT);
        HttpResponse<String> response = post("/Execute", "application/json", execute("select 1"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).has("dbConnectionId")).isTrue();
    }

    @Test
    void faultsCanBeInjectedAndClearedOverHttp() throws Exception {
        HttpResponse<String> added = post("/_local/faults", "application/json",
                "{\"error\":\"ServiceUnavailableError\",\"count\":2,\"operation\":null,\"afterExecution\":false}");
        assertThat(added.statusCode()).isEqualTo(200);

        HttpResponse<String> failed = post("/Execute", "application/json", execute("select 1"));
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("x-amzn-ErrorType")).hasValue("ServiceUnavailableError");

        HttpResponse<String> cleared = http.send(HttpRequest.newBuilder(URI.create(api.endpoint() + "/_local/faults"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(post("/Execute", "application/json", execute("select 1")).statusCode()).isEqualTo(200);

        assertThat(post("/_local/faults", "application/json", "{\"error\":\"NoSuchError\"}").statusCode()).isEqualTo(400);
    }
}
