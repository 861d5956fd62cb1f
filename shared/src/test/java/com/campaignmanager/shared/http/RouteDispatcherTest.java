package com.campaignmanager.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.shared.db.ConflictException;
import com.campaignmanager.shared.db.RetryableException;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.observability.Observability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteDispatcherTest {
    private static final ObjectMapper JSON = JsonMapper.create();

    record Contact(String email, List<Tag> tags, OffsetDateTime since) {
        Contact {
            if (email != null && !email.contains("@")) {
                throw new InvalidFieldException("email", "must be an e-mail address");
            }
        }
    }

    record Tag(String name, int weight) {
    }

    private final RouteDispatcher dispatcher = new RouteDispatcher(Routes.builder()
            .add("GET /things/{thingId}", r -> ApiResponse.ok(Map.of("id", r.pathUuid("thingId").toString())))
            .add("POST /things", r -> ApiResponse.created(r.body(Contact.class), "/things/1"))
            .add("DELETE /things/{thingId}", r -> {
                r.caller().require(Role.EDITOR);
                return ApiResponse.noContent();
            })
            .add("GET /page", r -> ApiResponse.ok(Map.of("limit", r.page().limit(),
                    "after", String.valueOf(r.page().after(2)))))
            .add("GET /conflict", r -> {
                throw new ConflictException("lists_name_key", "duplicate", null);
            })
            .add("GET /unavailable", r -> {
                throw new RetryableException(RetryableException.Reason.NOT_EXECUTED, "resuming", null);
            })
            .add("GET /bug", r -> {
                throw new IllegalStateException("select * from secret_table failed");
            })
            .build(), JSON, new Observability(), CallerDirectory.tokenOnly());

    private static APIGatewayV2HTTPEvent request(String routeKey, String path, String body, Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = claims == null ? null
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withHeaders(Map.of("content-type", "application/json"))
                .withPathParameters(path.startsWith("/things/") ? Map.of("thingId", path.substring(8)) : null)
                .withQueryStringParameters(path.equals("/page") ? Map.of("limit", "20",
                        "cursor", com.campaignmanager.shared.db.Cursor.encode("2026-10-01 09:00:00", "abc")) : null)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("req-1").withAuthorizer(authorizer).build())
                .build();
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    @Test
    void routesByRouteKeyAndWritesJson() throws Exception {
        String id = "7d0f0c52-3c5d-4a7b-9f57-2e4b5b9e6a10";
        APIGatewayV2HTTPResponse response = dispatcher.dispatch(request("GET /things/{thingId}", "/things/" + id,
                null, null), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(json(response).get("id").asText()).isEqualTo(id);
    }

    @Test
    void malformedIdIsNotFound() throws Exception {
        APIGatewayV2HTTPResponse response = dispatcher.dispatch(request("GET /things/{thingId}", "/things/nope",
                null, null), null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("requestId").asText()).isEqualTo("req-1");
        assertThat(problem.get("instance").asText()).isEqualTo("/things/nope");
    }

    @Test
    void unknownRouteIs404AndKnownPathWithOtherMethodIs405() {
        assertThat(dispatcher.dispatch(request("GET /nothing", "/nothing", null, null), null).getStatusCode())
                .isEqualTo(404);
        assertThat(dispatcher.dispatch(request("PUT /things/{thingId}", "/things/x", null, null), null)
                .getStatusCode()).isEqualTo(405);
    }

    @Test
    void bodyErrorsNameTheFieldAtFault() throws Exception {
        assertField("{\"email\":\"a@b.c\",\"tags\":[{\"name\":\"x\",\"weight\":1},{\"name\":\"y\",\"weight\":\"heavy\"}]}",
                "tags[1].weight");
        assertField("{\"email\":\"a@b.c\",\"colour\":\"red\"}", "colour");
        assertField("{\"email\":\"not-an-address\"}", "email");
        assertField("{\"email\":\"a@b.c\",\"since\":\"yesterday\"}", "since");
        assertField("[1,2]", "body");
        assertField("{\"email\":\"a@b.c\",\"tags\":[{\"name\":\"x\"}]}", "tags[0].weight");

        APIGatewayV2HTTPResponse broken = dispatcher.dispatch(request("POST /things", "/things", "{\"email\":", null),
                null);
        assertThat(broken.getStatusCode()).isEqualTo(400);
        assertThat(json(broken).get("detail").asText()).contains("not valid JSON");
    }

    private void assertField(String body, String field) throws Exception {
        APIGatewayV2HTTPResponse response = dispatcher.dispatch(request("POST /things", "/things", body, null), null);

        assertThat(response.getStatusCode()).as(body).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("field").asText()).as(body).isEqualTo(field);
    }

    @Test
    void validBodyIsCreatedWithOffsetsKept() throws Exception {
        APIGatewayV2HTTPResponse response = dispatcher.dispatch(request("POST /things", "/things",
                "{\"email\":\"a@b.c\",\"tags\":[],\"since\":\"2026-10-01T09:00:00+02:00\"}", null), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location", "/things/1");
        assertThat(json(response).get("since").asText()).isEqualTo("2026-10-01T09:00:00+02:00");
    }

    @Test
    void otherMediaTypesAre415() {
        APIGatewayV2HTTPEvent event = request("POST /things", "/things", "email=a", null);
        event.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded"));

        assertThat(dispatcher.dispatch(event, null).getStatusCode()).isEqualTo(415);
    }

    @Test
    void rolesComeFromTheClaimsApiGatewayPasses() {
        String id = "7d0f0c52-3c5d-4a7b-9f57-2e4b5b9e6a10";
        assertThat(dispatcher.dispatch(request("DELETE /things/{thingId}", "/things/" + id, null, null), null)
                .getStatusCode()).isEqualTo(401);
        assertThat(dispatcher.dispatch(request("DELETE /things/{thingId}", "/things/" + id, null,
                Map.of("sub", "v", "cognito:groups", "[viewer]")), null).getStatusCode()).isEqualTo(403);
        assertThat(dispatcher.dispatch(request("DELETE /things/{thingId}", "/things/" + id, null,
                Map.of("sub", "e", "cognito:groups", "[viewer editor]")), null).getStatusCode()).isEqualTo(204);
        assertThat(dispatcher.dispatch(request("DELETE /things/{thingId}", "/things/" + id, null,
                Map.of("sub", "a", "cognito:groups", "[\"admin\"]")), null).getStatusCode()).isEqualTo(204);
    }

    @Test
    void pagingReadsLimitAndCursor() throws Exception {
        JsonNode page = json(dispatcher.dispatch(request("GET /page", "/page", null, null), null));

        assertThat(page.get("limit").asInt()).isEqualTo(20);
        assertThat(page.get("after").asText()).isEqualTo("[2026-10-01 09:00:00, abc]");
    }

    @Test
    void databaseErrorsBecomeProblemsWithoutInternals() throws Exception {
        APIGatewayV2HTTPResponse conflict = dispatcher.dispatch(request("GET /conflict", "/conflict", null, null), null);
        APIGatewayV2HTTPResponse unavailable = dispatcher.dispatch(request("GET /unavailable", "/unavailable", null,
                null), null);
        APIGatewayV2HTTPResponse bug = dispatcher.dispatch(request("GET /bug", "/bug", null, null), null);

        assertThat(conflict.getStatusCode()).isEqualTo(409);
        assertThat(unavailable.getStatusCode()).isEqualTo(503);
        assertThat(unavailable.getHeaders()).containsEntry("retry-after", "1");
        assertThat(bug.getStatusCode()).isEqualTo(500);
        assertThat(bug.getBody()).doesNotContain("secret_table").doesNotContain("IllegalState")
                .contains("\"requestId\":\"req-1\"");
    }
}
