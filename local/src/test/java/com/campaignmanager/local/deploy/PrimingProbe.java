package com.campaignmanager.local.deploy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.functions.health.HealthHandler;
import com.campaignmanager.local.lambda.LocalContext;

/**
 * Runs in a JVM whose classpath starts with the deployable jar: HealthFunction's init, which primes (as it does
 * before a SnapStart snapshot; this JVM has no CRaC, so only the init-phase priming runs), then one request.
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
