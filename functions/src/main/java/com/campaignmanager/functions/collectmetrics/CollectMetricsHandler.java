package com.campaignmanager.functions.collectmetrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.campaigns.RoundMetrics;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.priming.ParallelStart;
import com.campaignmanager.shared.priming.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** CollectMetricsFunction: hourly (EventBridge), a statistics snapshot of every round sent in the last 30 days. */
public final class CollectMetricsHandler implements RequestStreamHandler {
    // First, so that the second thread runs while the rest of this initialiser builds the component.
    static {
        ParallelStart.begin();
    }

    private static final CollectMetricsComponent COMPONENT = CollectMetricsComponent.create();
    // Built when the class initialises, in Lambda's init phase: with SnapStart they are part of the snapshot.
    private static final JobRunner RUNNER = COMPONENT.jobRunner();
    // Held here because CRaC keeps resources weakly; primes in init, and again before a SnapStart snapshot.
    private static final Priming PRIMING = CollectMetricsComponent.priming(RUNNER).primeAndRegister();
    private static final RoundMetrics METRICS = COMPONENT.metrics();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RUNNER.run(input, output, context, () -> {
            RoundMetrics.Collected collected = METRICS.collect();
            return Map.of("roundsCollected", collected.rounds(), "providerSnapshots", collected.providerSnapshots());
        });
    }
}
