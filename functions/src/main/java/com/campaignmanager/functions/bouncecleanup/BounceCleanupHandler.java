package com.campaignmanager.functions.bouncecleanup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.audience.BounceCleanup;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.priming.ParallelStart;
import com.campaignmanager.shared.priming.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** BounceCleanupFunction: nightly (EventBridge), the soft-bounce rule and suppressed contacts off their lists. */
public final class BounceCleanupHandler implements RequestStreamHandler {
    // First, so that the second thread runs while the rest of this initialiser builds the component.
    static {
        ParallelStart.begin();
    }

    private static final BounceCleanupComponent COMPONENT = BounceCleanupComponent.create();
    // Built when the class initialises, in Lambda's init phase: with SnapStart they are part of the snapshot.
    private static final JobRunner RUNNER = COMPONENT.jobRunner();
    // Held here because CRaC keeps resources weakly; primes in init, and again before a SnapStart snapshot.
    private static final Priming PRIMING = BounceCleanupComponent.priming(RUNNER).primeAndRegister();
    private static final BounceCleanup CLEANUP = COMPONENT.cleanup();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RUNNER.run(input, output, context, CLEANUP::run);
    }
}
