package com.campaignmanager.shared.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Structured JSON logs and CloudWatch metrics (EMF) around every invocation, with Powertools' functional API
 * rather than AspectJ weaving (which would fight Dagger's annotation processor and add to cold start). Logs carry
 * the request id, function name, cold start flag and a correlation id; metrics include ColdStart.
 */
@Singleton
public final class Observability {
    private final Metrics metrics;

    @Inject
    public Observability(ObservabilitySettings settings) {
        this.metrics = MetricsFactory.getMetricsInstance();
        // Set here rather than left to Powertools, which reads only the process environment: in-process runs
        // (local runner, tests) configure functions through Environment, not the process environment.
        metrics.setNamespace(settings.metricsNamespace());
    }

    /** With the default namespace: for code that builds its own dispatcher (tests, benchmarks). */
    public Observability() {
        this(ObservabilitySettings.DEFAULT);
    }

    public <T> T around(Context context, String correlationId, Supplier<T> work) {
        if (correlationId != null) {
            MDC.put("correlation_id", correlationId);
        }
        try {
            if (context == null) {
                return work.get();
            }
            metrics.captureColdStartMetric(context);
            return PowertoolsLogging.withLogging(context, work);
        } finally {
            MDC.remove("correlation_id");
            metrics.flush();
        }
    }

    public void countResponse(int status) {
        metrics.addMetric("Requests", 1, MetricUnit.COUNT);
        if (status >= 500) {
            metrics.addMetric("ServerErrors", 1, MetricUnit.COUNT);
        } else if (status >= 400) {
            metrics.addMetric("ClientErrors", 1, MetricUnit.COUNT);
        }
    }

    public void count(String metric, double value) {
        metrics.addMetric(metric, value, MetricUnit.COUNT);
    }

    public void measureMillis(String metric, double value) {
        metrics.addMetric(metric, value, MetricUnit.MILLISECONDS);
    }
}
