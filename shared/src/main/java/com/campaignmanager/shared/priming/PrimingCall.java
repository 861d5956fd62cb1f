package com.campaignmanager.shared.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.jobs.JobRunner;
import java.util.Map;

/**
 * One representative piece of a function's work that reaches neither the database nor a provider: a request
 * answered before any SQL (no route, wrong method, no token), or a job's event read and its result written.
 */
public record PrimingCall(String name, Runnable call) {
    /** The request id every priming request carries: fixed, so that priming creates no random id. */
    public static final String REQUEST_ID = "priming";

    /**
     * {@code routeKey} dispatched without a token through the real routing, caller check and problem mapping, with
     * no telemetry; the answer must be {@code expectedStatus}, or the request did something it should not have.
     */
    public static PrimingCall request(RouteDispatcher dispatcher, String routeKey, String rawPath, int expectedStatus) {
        String name = routeKey + " -> " + expectedStatus;
        return new PrimingCall(name, () -> {
            APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
            context.setRequestId(REQUEST_ID);
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withRouteKey(routeKey)
                    .withRawPath(rawPath)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withRequestContext(context)
                    .build();
            int status = dispatcher.prime(event).getStatusCode();
            if (status != expectedStatus) {
                throw new IllegalStateException(name + " answered " + status);
            }
        });
    }

    /** A scheduled event read and a result written through the job's JSON, without running the job. */
    public static PrimingCall job(JobRunner runner) {
        return new PrimingCall("job event", runner::prime);
    }
}
