package com.campaignmanager.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.shared.db.Cursor;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.observability.Observability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile input through {@link ApiRequest}: every case a 400 saying what is wrong, none a 500. */
class ApiRequestTest {
    private static final ObjectMapper JSON = JsonMapper.create();

    record Thing(String name, List<String> tags, OffsetDateTime since) {
    }

    private final RouteDispatcher dispatcher = new RouteDispatcher(Routes.builder()
            .add("POST /things", r -> ApiResponse.created(r.body(Thing.class), "/things/1"))
            .add("POST /nodes", r -> ApiResponse.ok(r.body(JsonNode.class)))
            .add("GET /sends", r -> ApiResponse.ok(Map.of("from", String.valueOf(r.queryDate("from").orElse(null)),
                    "at", String.valueOf(r.queryInstant("at").orElse(null)),
                    "tz", String.valueOf(r.queryZone("tz").orElse(null)), "q", r.query("q").orElse(""))))
            .add("GET /page", r -> ApiResponse.ok(Map.of("at", Cursor.instant(r.page().after(2).get(0)).toString())))
            .build(), JSON, new Observability(), CallerDirectory.tokenOnly());

    private APIGatewayV2HTTPResponse post(String routeKey, String body) {
        return dispatcher.dispatch(event(routeKey, body, false, null), null);
    }

    private APIGatewayV2HTTPResponse get(String routeKey, Map<String, String> query) {
        return dispatcher.dispatch(event(routeKey, null, false, query), null);
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String body, boolean base64, Map<String, String> query) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withRawPath(path)
                .withHeaders(Map.of("content-type", "application/json")).withQueryStringParameters(query)
                .withBody(body).withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1").build())
                .build();
    }

    private static JsonNode problem(APIGatewayV2HTTPResponse response, int status) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        return JSON.readTree(response.getBody());
    }

    @Test
    void theParsersLimitsAre400sSayingWhichLimit() throws Exception {
        for (String route : List.of("POST /things", "POST /nodes")) {
            assertThat(problem(post(route, "[".repeat(1_001) + "]".repeat(1_001)), 400).get("detail").asText())
                    .isEqualTo("the body nests deeper than 1000 levels");
            assertThat(problem(post(route, "{\"name\":" + "9".repeat(1_001) + "}"), 400).get("detail").asText())
                    .isEqualTo("a number in the body is longer than 1000 characters");
            assertThat(problem(post(route, "{\"" + "k".repeat(50_001) + "\":1}"), 400).get("detail").asText())
                    .isEqualTo("a field name in the body is longer than 50000 characters");
        }
        assertThat(problem(post("POST /nodes", "{\"n\":1e999}"), 400).at("/errors/0/field").asText()).isEqualTo("n");
    }

    @Test
    void textTheDatabaseCannotKeepIsA400NamingItsField() throws Exception {
        JsonNode nul = problem(post("POST /things", "{\"name\":\"a\\u0000b\"}"), 400);
        JsonNode surrogate = problem(post("POST /things", "{\"tags\":[\"ok\",\"\\ud800\"]}"), 400);
        JsonNode nulName = problem(post("POST /nodes", "{\"a\":{\"b\\u0000\":1}}"), 400);
        JsonNode huge = problem(post("POST /nodes", "{\"text\":\"" + "é".repeat(25_000) + "\"}"), 400);

        assertThat(nul.at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(nul.get("detail").asText()).isEqualTo("name: contains a NUL character");
        assertThat(surrogate.at("/errors/0/field").asText()).isEqualTo("tags[1]");
        assertThat(surrogate.get("detail").asText()).contains("unpaired surrogate");
        assertThat(nulName.get("detail").asText()).isEqualTo("a: has a field name that contains a NUL character");
        assertThat(huge.get("detail").asText()).isEqualTo("text: is longer than 48 KB");
        assertThat(post("POST /nodes", "{\"text\":\"" + "é".repeat(24_000) + "\"}").getStatusCode()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotUtf8IsA400() throws Exception {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        APIGatewayV2HTTPResponse response = dispatcher.dispatch(event("POST /things",
                Base64.getEncoder().encodeToString(latin1), true, null), null);

        assertThat(problem(response, 400).get("detail").asText()).isEqualTo("the body is not valid UTF-8");
    }

    @Test
    void timesBeyondWhatTheDatabaseKeepsAre400sNamingTheirField() throws Exception {
        for (String since : List.of("+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z")) {
            JsonNode refused = problem(post("POST /things", "{\"since\":\"" + since + "\"}"), 400);
            assertThat(refused.at("/errors/0/field").asText()).as(since).isEqualTo("since");
            assertThat(refused.get("detail").asText()).isEqualTo("since: must be from 1900-01-01 to 9999-12-30");
        }
        assertThat(post("POST /things", "{\"since\":\"9999-12-30T23:00:00+02:00\"}").getStatusCode()).isEqualTo(201);
    }

    @Test
    void queryDatesTimesAndZonesAre400sNamingTheParameter() throws Exception {
        Map<String, String> refused = Map.of("from", "+999999999-12-31", "at", "+999999999-12-31T00:00:00Z",
                "tz", "Mars/Olympus", "q", "a\u0000b");
        for (Map.Entry<String, String> parameter : refused.entrySet()) {
            JsonNode problem = problem(get("GET /sends", Map.of(parameter.getKey(), parameter.getValue())), 400);
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo(parameter.getKey());
        }
        assertThat(problem(get("GET /sends", Map.of("from", "2025-02-30")), 400).get("detail").asText())
                .isEqualTo("from: must be a date as YYYY-MM-DD");

        JsonNode accepted = JSON.readTree(get("GET /sends", Map.of("from", "2025-10-03", "at", "2025-10-03T10:00:00+02:00",
                "tz", "Europe/Paris")).getBody());
        assertThat(accepted.get("from").asText()).isEqualTo("2025-10-03");
        assertThat(accepted.get("at").asText()).isEqualTo("2025-10-03T08:00:00Z");
        assertThat(accepted.get("tz").asText()).isEqualTo("Europe/Paris");
    }

    @Test
    void cursorsThisApiCouldNotHaveWrittenAre400s() throws Exception {
        for (String cursor : List.of(Cursor.encode("+999999999-12-31T23:59:59Z", "x"), Cursor.encode("not-a-time", "x"),
                Cursor.encode("2025-10-03T00:00:00Z\u0000", "x"), "garbage!")) {
            JsonNode problem = problem(get("GET /page", Map.of("cursor", cursor)), 400);
            assertThat(problem.at("/errors/0/field").asText()).isEqualTo("cursor");
        }
        assertThat(get("GET /page", Map.of("cursor", Cursor.encode("2025-10-03T00:00:00Z", "x"))).getStatusCode())
                .isEqualTo(200);
        for (String limit : List.of("-1", "0", "201", "99999999999", "abc")) {
            assertThat(problem(get("GET /page", Map.of("limit", limit)), 400).at("/errors/0/field").asText())
                    .isEqualTo("limit");
        }
    }
}
