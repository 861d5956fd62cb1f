package com.campaignmanager.functions.launchduerounds;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.campaigns.RoundLauncher;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.priming.ParallelStart;
import com.campaignmanager.shared.priming.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * LaunchDueRoundsFunction: every minute (EventBridge), sends the rounds that are due and finishes those whose
 * worker died. Class initialisation only wires the component: nothing is sent at start-up or deploy.
 */
public final class LaunchDueRoundsHandler implements RequestStreamHandler {
    // First, so that the second thread runs while the rest of this initialiser builds the component.
    static {
        ParallelStart.begin();
    }

    /** Stop claiming or sending this long before the Lambda's time is up, so that a batch is always recorded. */
    static final long MARGIN_MILLIS = 20_000;
    /** Without a Lambda context (local invocation, tests): run at most this long. */
    static final long LOCAL_BUDGET_MILLIS = 60_000;

    private static final LaunchDueRoundsComponent COMPONENT = LaunchDueRoundsComponent.create();
    private static final JobRunner RUNNER = COMPONENT.jobRunner();
    // Held here because CRaC keeps resources weakly; primes in init, and again before a SnapStart snapshot.
    private static final Priming PRIMING = LaunchDueRoundsComponent.priming(RUNNER).primeAndRegister();
    private static final RoundLauncher LAUNCHER = COMPONENT.launcher();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long deadline = System.currentTimeMillis()
                + (context == null ? LOCAL_BUDGET_MILLIS : context.getRemainingTimeInMillis() - MARGIN_MILLIS);
        RUNNER.run(input, output, context, () -> LAUNCHER.launchDue(() -> System.currentTimeMillis() < deadline));
    }
}
