package com.campaignmanager.local.deploy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.functions.health.HealthHandler;
import com.campaignmanager.local.lambda.LocalContext;

/**
 * Runs in a JVM whose classpath starts with the deployable jar: HealthFunction's init, which primes as the test's
 * settings ask (on demand, for a snapshot with {@code -Dcampaignmanager.priming=snapshot}, or not at all under
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}; this JVM has no CRaC, so no checkpoint's), then one request.
 */
public final class PrimingProbe {
    private PrimingProbe() {
    }

    public static void main(String[] args) throws Exception {
        HealthHandler handler = new HealthHandler();
        System.out.println("SERVING");
        APIGatewayV2HTTPResponse response = handler.handleRequest(APIGatewayV2HTTPEvent.builder()
                        .withRouteKey("GET /health").withRawPath("/health").build(),
                new LocalContext("probe-request", "HealthFunction", 30));
        System.out.println("RESULT " + response.getStatusCode() + " " + response.getBody());
        System.exit(0);
    }
}
