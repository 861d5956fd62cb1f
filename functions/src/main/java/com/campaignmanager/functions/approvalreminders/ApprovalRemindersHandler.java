package com.campaignmanager.functions.approvalreminders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.campaigns.ApprovalReminders;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.priming.ParallelStart;
import com.campaignmanager.shared.priming.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * ApprovalRemindersFunction: hourly (EventBridge), reminders of rounds waiting for approval and loud warnings
 * about rounds due within 24 hours that are not approved.
 */
public final class ApprovalRemindersHandler implements RequestStreamHandler {
    // First, so that the second thread runs while the rest of this initialiser builds the component.
    static {
        ParallelStart.begin();
    }

    private static final ApprovalRemindersComponent COMPONENT = ApprovalRemindersComponent.create();
    // Built when the class initialises, in Lambda's init phase: with SnapStart they are part of the snapshot.
    private static final JobRunner RUNNER = COMPONENT.jobRunner();
    // Held here because CRaC keeps resources weakly; primes in init, and again before a SnapStart snapshot.
    private static final Priming PRIMING = ApprovalRemindersComponent.priming(RUNNER).primeAndRegister();
    private static final ApprovalReminders REMINDERS = COMPONENT.reminders();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RUNNER.run(input, output, context, REMINDERS::run);
    }
}
