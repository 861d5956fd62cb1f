package com.campaignmanager.functions.healthmonitor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.priming.ParallelStart;
import com.campaignmanager.shared.priming.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** HealthMonitorFunction: every 5 minutes (EventBridge), the health check as metrics and a log line. */
public final class HealthMonitorHandler implements RequestStreamHandler {
    // First, so that the second thread runs while the rest of this initialiser builds the component.
    static {
        ParallelStart.begin();
    }

    private static final HealthMonitorComponent COMPONENT = HealthMonitorComponent.create();
    // Built when the class initialises, in Lambda's init phase: with SnapStart they are part of the snapshot.
    private static final JobRunner RUNNER = COMPONENT.jobRunner();
    // Held here because CRaC keeps resources weakly; primes in init, and again before a SnapStart snapshot.
    private static final Priming PRIMING = HealthMonitorComponent.priming(RUNNER).primeAndRegister();
    private static final HealthMonitorJob JOB = COMPONENT.job();

    static {
        // The SQS access is built on first use; its settings are read now, so that a malformed one stops the start.
        COMPONENT.sqsSettings();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RUNNER.run(input, output, context, JOB::run);
    }
}
