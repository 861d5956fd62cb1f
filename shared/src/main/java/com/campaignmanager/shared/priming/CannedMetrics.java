package com.campaignmanager.shared.priming;

import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * The EMF library's JSON of a metrics document, built once and thrown away: Powertools flushes metrics through it at
 * the end of every invocation, and the first flush builds its serialisers (the library's own Jackson mapper and
 * model), the largest part of what a primed function's first request still did.
 *
 * <p>Nothing is published: the document never reaches a sink (stdout, or an agent). The library's environment is
 * resolved here only when {@code AWS_EMF_ENVIRONMENT} is {@code Lambda}, as template.yaml sets it: then it is read
 * from variables and cached, with no network. Without it the library probes for ECS and EC2 over the network, which
 * priming must not do, so the first real flush does it.
 */
final class CannedMetrics {
    private CannedMetrics() {
    }

    /** EMF's own configuration variable, which it reads from the process environment. */
    static final String ENVIRONMENT_OVERRIDE = "AWS_EMF_ENVIRONMENT";

    /**
     * Whether the library's environment was resolved (and cached): only when the override says Lambda, whose
     * environment is read from variables; another (EC2, an agent) may reach for the network when used.
     */
    static boolean resolveEnvironment() {
        if (!"Lambda".equals(System.getenv(ENVIRONMENT_OVERRIDE))) {
            return false;
        }
        new EnvironmentProvider().resolveEnvironment().join();
        return true;
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
