package com.campaignmanager.shared.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.jobs.JobRunner;
import java.util.Map;
import java.util.UUID;

/**
 * One representative piece of a function's work that reaches neither the database nor a provider: a request
 * answered before any SQL (no route, wrong method, no token), a representative answer written, or a job's event
 * read and its result written. {@code refusal}: the call is answered with an error (4xx), a path that only some
 * first requests take ({@link Priming} runs it only before a snapshot).
 */
public record PrimingCall(String name, Runnable call, boolean refusal) {
    public PrimingCall(String name, Runnable call) {
        this(name, call, false);
    }

    /** The request id every priming request carries: fixed, so that priming creates no random id. */
    public static final String REQUEST_ID = "priming";

    /**
     * {@code routeKey} dispatched without a token through the real routing, caller check and problem mapping, with
     * no telemetry; the answer must be {@code expectedStatus}, or the request did something it should not have.
     */
    public static PrimingCall request(RouteDispatcher dispatcher, String routeKey, String rawPath, int expectedStatus) {
        return request(dispatcher, routeKey, rawPath, Map.of("content-type", "application/json"), null,
                expectedStatus, null);
    }

    /**
     * The same with {@code headers} and {@code body}, for requests a function answers before any SQL only once they
     * are well formed (a JSON-RPC message to the MCP server, say); the answer must also hold {@code expectedText}
     * where it is given, since such an answer can be a 200 that reports a failure.
     */
    public static PrimingCall request(RouteDispatcher dispatcher, String routeKey, String rawPath,
                                      Map<String, String> headers, String body, int expectedStatus,
                                      String expectedText) {
        String name = routeKey + " -> " + expectedStatus + (expectedText == null ? "" : " with " + expectedText);
        return new PrimingCall(name, () -> {
            APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
            context.setRequestId(REQUEST_ID);
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withRouteKey(routeKey)
                    .withRawPath(rawPath)
                    .withHeaders(headers)
                    .withBody(body)
                    .withRequestContext(context)
                    .build();
            APIGatewayV2HTTPResponse response = dispatcher.prime(event);
            if (response.getStatusCode() != expectedStatus) {
                throw new IllegalStateException(name + " answered " + response.getStatusCode());
            }
            if (expectedText != null && (response.getBody() == null || !response.getBody().contains(expectedText))) {
                throw new IllegalStateException(name + " answered without " + expectedText + ": " + response.getBody());
            }
        }, expectedStatus >= 400);
    }

    /** The id of every made-up record a priming answer carries: fixed, and no row's. */
    public static final UUID ID = new UUID(0, 0);

    /**
     * A representative answer of the function - made-up values of its real response type, a page of one campaign,
     * say - written through the dispatcher's JSON: Jackson builds that type's serialisers now rather than for the
     * first response after a restore. Nothing is read: the values are the caller's, fixed ({@link #ID},
     * {@code Instant.EPOCH}).
     */
    public static PrimingCall answer(RouteDispatcher dispatcher, String routeKey, Object body) {
        String name = routeKey + " answer";
        return new PrimingCall(name, () -> {
            APIGatewayV2HTTPResponse response = dispatcher.primeAnswer(ApiResponse.ok(body));
            if (response.getStatusCode() != 200 || response.getBody() == null || response.getBody().isEmpty()) {
                throw new IllegalStateException(name + " was not written");
            }
        });
    }

    /**
     * A signed-in caller's claims (made up: a subject and an address of no one, every role in API Gateway's list
     * form) read through the dispatcher's claims rules, which no priming request reaches: they carry no token, and
     * a request with one would look its caller up in the team.
     */
    public static PrimingCall caller(RouteDispatcher dispatcher) {
        return new PrimingCall("caller claims", () -> {
            Caller caller = dispatcher.primeCaller(Map.of("sub", REQUEST_ID, "email", "priming@example.invalid",
                    "email_verified", "true"), "[viewer editor approver admin]");
            if (!caller.isAuthenticated() || !caller.has(Role.ADMIN)) {
                throw new IllegalStateException("caller claims read as " + caller.roles());
            }
        });
    }

    /** A scheduled event read and a result written through the job's JSON, without running the job. */
    public static PrimingCall job(JobRunner runner) {
        return new PrimingCall("job event", runner::prime);
    }
}
