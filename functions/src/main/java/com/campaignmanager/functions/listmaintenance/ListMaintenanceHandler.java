package com.campaignmanager.functions.listmaintenance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.audience.Upkeep;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.priming.ParallelStart;
import com.campaignmanager.shared.priming.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** ListMaintenanceFunction: weekly (EventBridge) upkeep of lists and contacts; reports as a log line and metrics. */
public final class ListMaintenanceHandler implements RequestStreamHandler {
    // First, so that the second thread runs while the rest of this initialiser builds the component.
    static {
        ParallelStart.begin();
    }

    private static final ListMaintenanceComponent COMPONENT = ListMaintenanceComponent.create();
    // Built when the class initialises, in Lambda's init phase: with SnapStart they are part of the snapshot.
    private static final JobRunner RUNNER = COMPONENT.jobRunner();
    // Held here because CRaC keeps resources weakly; primes in init, and again before a SnapStart snapshot.
    private static final Priming PRIMING = ListMaintenanceComponent.priming(RUNNER).primeAndRegister();
    private static final Upkeep UPKEEP = COMPONENT.upkeep();
    /** How long notifications are kept ({@code NOTIFICATION_RETENTION_DAYS}, default 180). */
    private static final int RETENTION_DAYS = (int) COMPONENT.retention().notifications().toDays();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RUNNER.run(input, output, context, () -> UPKEEP.run(RETENTION_DAYS));
    }
}
