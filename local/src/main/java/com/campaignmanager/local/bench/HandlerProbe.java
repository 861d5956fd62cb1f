package com.campaignmanager.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.campaignmanager.functions.health.HealthHandler;

/** Ours: the real HealthFunction handler in a new JVM, as Lambda runs it: class init, then the first request. */
public final class HandlerProbe {
    private HandlerProbe() {
    }

    public static void main(String[] args) {
        ProbeReport report = new ProbeReport();
        HealthHandler handler = new HealthHandler();
        report.step("init");
        int status = handler.handleRequest(APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /health").withRawPath("/health").build(), null).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("health answered " + status);
        }
        report.step("firstCall");
        report.printAndExit();
    }
}
