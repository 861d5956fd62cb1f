package com.campaignmanager.shared.priming;

import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * The EMF library's JSON of a metrics document, built once and thrown away: Powertools flushes metrics through it at
 * the end of every invocation, and the first flush builds its serialisers (the library's own Jackson mapper and
 * model), the largest part of what a primed function's first request still did.
 *
 * <p>Nothing is published: the document never reaches a sink (stdout, or an agent). The library's environment
 * (Lambda, or else EC2 and ECS probed over the network) is not resolved here either; the first real flush does that.
 */
final class CannedMetrics {
    private CannedMetrics() {
    }

    static void serialise() {
        try {
            MetricsContext context = new MetricsContext();
            context.setNamespace("Priming");
            context.putDimension(DimensionSet.of("Service", "priming"));
            context.putProperty("function_request_id", PrimingCall.REQUEST_ID);
            context.putMetric("Requests", 1, Unit.COUNT);
            context.putMetric("LatencyMs", 1.5, Unit.MILLISECONDS);
            if (context.serialize().isEmpty()) {
                throw new IllegalStateException("EMF serialised no document");
            }
        } catch (Exception e) {
            throw new IllegalStateException("EMF serialisation: " + e.getMessage(), e);
        }
    }
}
