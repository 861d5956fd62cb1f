package com.campaignmanager.shared.priming;

import java.util.concurrent.CompletableFuture;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

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

    /**
     * What Powertools does with metrics in every request - its metrics logger (the class the functions' instance
     * hands each request to) given a metric and flushed - and what its cold-start metric does on the first (a
     * logger of its own, flushed at once), both into an environment whose sink serialises each document and drops
     * it: nothing is published, and the functions' own metrics and cold-start flag are not touched. The environment
     * configures the documents as the resolved one does when {@link #resolveEnvironment} resolved it (Lambda), else
     * not at all (another would be probed for over the network).
     *
     * @return how many documents were serialised and dropped
     */
    static int flushDiscarded(boolean environmentResolved) {
        DiscardingEnvironment environment = new DiscardingEnvironment(
                environmentResolved ? new EnvironmentProvider().resolveEnvironment().join() : null);
        EmfMetricsLogger metrics = new EmfMetricsLogger(new FixedEnvironmentProvider(environment), new MetricsContext());
        metrics.setNamespace("Priming");
        metrics.setDefaultDimensions(software.amazon.lambda.powertools.metrics.model.DimensionSet.of("Service", "priming"));
        metrics.addMetric("Requests", 1, MetricUnit.COUNT);
        metrics.addMetric("LatencyMs", 1.5, MetricUnit.MILLISECONDS);
        metrics.flush();
        try {
            MetricsLogger coldStart = new MetricsLogger(environment);
            coldStart.setNamespace("Priming");
            coldStart.putMetric("ColdStart", 1, Unit.COUNT);
            coldStart.setDimensions(DimensionSet.of("Service", "priming"));
            coldStart.putProperty("function_request_id", PrimingCall.REQUEST_ID);
            coldStart.flush();
        } catch (Exception e) {
            throw new IllegalStateException("EMF cold-start document: " + e.getMessage(), e);
        }
        if (environment.sink.documents != 2) {
            throw new IllegalStateException("EMF flushed " + environment.sink.documents + " of 2 documents");
        }
        return environment.sink.documents;
    }

    /** An environment whose one sink drops what it serialises; configured as {@code resolved} is, if given. */
    private static final class DiscardingEnvironment implements Environment {
        private final Environment resolved;
        private final DiscardingSink sink = new DiscardingSink();

        DiscardingEnvironment(Environment resolved) {
            this.resolved = resolved;
        }

        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return resolved != null ? resolved.getName() : "priming";
        }

        @Override
        public String getType() {
            return resolved != null ? resolved.getType() : "priming";
        }

        @Override
        public String getLogGroupName() {
            return resolved != null ? resolved.getLogGroupName() : "priming";
        }

        @Override
        public void configureContext(MetricsContext context) {
            if (resolved != null) {
                resolved.configureContext(context);
            }
        }

        @Override
        public ISink getSink() {
            return sink;
        }
    }

    private static final class DiscardingSink implements ISink {
        private int documents;

        @Override
        public void accept(MetricsContext context) {
            try {
                if (!context.serialize().isEmpty()) {
                    documents++;
                }
            } catch (Exception e) {
                throw new IllegalStateException("EMF serialisation: " + e.getMessage(), e);
            }
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Hands Powertools' metrics logger the discarding environment instead of resolving one. */
    private static final class FixedEnvironmentProvider extends EnvironmentProvider {
        private final Environment environment;

        FixedEnvironmentProvider(Environment environment) {
            this.environment = environment;
        }

        @Override
        public CompletableFuture<Environment> resolveEnvironment() {
            return CompletableFuture.completedFuture(environment);
        }

        @Override
        public Environment getDefaultEnvironment() {
            return environment;
        }
    }
}
