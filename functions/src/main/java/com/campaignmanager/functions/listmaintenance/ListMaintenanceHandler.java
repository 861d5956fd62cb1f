package com.campaignmanager.functions.listmaintenance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.audience.ListMaintenance;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.observability.Observability;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ListMaintenanceFunction: weekly (EventBridge) upkeep of lists and contacts; reports as a log line and metrics. */
public final class ListMaintenanceHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ListMaintenanceHandler.class);
    private static final ListMaintenanceComponent COMPONENT = ListMaintenanceComponent.create();
    // Built when the class initialises, in Lambda's init phase: with SnapStart they are part of the snapshot.
    private static final JobRunner RUNNER = COMPONENT.jobRunner();
    private static final ListMaintenance MAINTENANCE = COMPONENT.maintenance();
    private static final Observability METRICS = COMPONENT.observability();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RUNNER.run(input, output, context, () -> {
            ListMaintenance.Report report = MAINTENANCE.run();
            LOG.info("list maintenance: merged {} duplicate contacts ({} memberships moved), {} lists with {} "
                    + "memberships, cleared {} erased records", report.contactsMerged(), report.membershipsMoved(),
                    report.lists(), report.memberships(), report.erasedRecordsCleared());
            METRICS.count("ContactsMerged", report.contactsMerged());
            METRICS.count("ListMemberships", report.memberships());
            METRICS.count("ErasedRecordsCleared", report.erasedRecordsCleared());
            return report;
        });
    }
}
