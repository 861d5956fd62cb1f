package com.campaignmanager.shared.priming;

import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * A function's priming for SnapStart: in {@code beforeCheckpoint} (and once in the ordinary init; what that costs an
 * on-demand cold start is measured in docs/benchmarks.md) it runs the SDK's own warm-up of the Data API client (a canned response: no credentials, no database),
 * SELECTs and a transaction through our {@code Database} and the function's kind of HTTP client, answered by a
 * canned Data API on the loopback interface ({@link CannedDataApi}, {@link LoopbackDataApi}) and signed with fixed
 * priming credentials, EMF's serialisation of metrics documents that are never published, flushed as Powertools flushes a
 * request's metrics and its cold-start metric ({@link CannedMetrics}), and the function's {@link PrimingCall}s
 * (requests answered before any SQL, a signed-in caller's claims read, and representative response bodies written
 * through the function's JSON), so that classes, JSON serialisers and the routing are loaded and compiled before
 * the snapshot instead of on the first request after a restore. The repeatable part runs {@link #ROUNDS} times.
 *
 * <p>Left to the first request: what must be fresh after a restore - the function's credentials (chosen and
 * resolved by its own provider, which after a restore fetches them from the runtime), its connection to the Data API and the TLS session
 * on it - what belongs to a request (Powertools' logging context and cold-start flag), and, unless
 * {@code AWS_EMF_ENVIRONMENT} is {@code Lambda}, EMF's environment, which the library would probe for over the
 * network.
 *
 * <p>Priming writes nothing: no SQL (the calls are answered before any), no provider call, no metric (the
 * dispatcher primes without telemetry), and no id, secret or random value (the requests carry a fixed id). The
 * one network use is the SDK warm-up's unsigned HTTPS call that warms TLS, which may fail (no network) and is then
 * skipped; the loopback Data API is this process talking to itself, closed before priming returns. After a
 * restore, {@code afterRestore} drops the diagnostic context priming ran under.
 *
 * <p>CRaC holds resources weakly: the handler keeps the returned instance in a static field.
 */
public final class Priming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    private final List<PrimingCall> calls;

    private Priming(List<PrimingCall> calls) {
        this.calls = List.copyOf(calls);
    }

    public static Priming of(PrimingCall... calls) {
        return new Priming(List.of(calls));
    }

    /**
     * How often the repeatable part (the canned SELECT, EMF's documents, the function's calls) runs. Once leaves the
     * code it runs interpreted; five times moved ~2 ms of CPU time from a primed first request into init for ~20 ms
     * more priming, and 10 or 20 times bought ~0.5 ms more for 60-80 ms (docs/benchmarks.md, issue 14).
     */
    static final int ROUNDS = 5;

    /** {@code -Dcampaignmanager.priming=off}: no priming, as before it existed (what the benchmark compares). */
    static final String SWITCH = "campaignmanager.priming";

    /** Primes now (the init phase) and again before a SnapStart checkpoint. */
    public Priming primeAndRegister() {
        if ("off".equals(System.getProperty(SWITCH))) {
            return this;
        }
        long started = System.nanoTime();
        PrimingReport report = prime();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (report.failed().isEmpty()) {
            LOG.info("primed: {} call(s) answered as expected, SDK warm-up {}, {} ms", report.primed().size(),
                    report.sdkWarmedUp() ? "done" : "skipped", millis);
        } else {
            LOG.warn("primed: {} call(s) did not answer as expected: {}", report.failed().size(), report.failed());
        }
        Core.getGlobalContext().register(this);
        return this;
    }

    /** Never throws: a priming that fails costs the first request its warm-up, not the function its start. */
    public PrimingReport prime() {
        boolean warmedUp = warmUpSdk();
        List<String> primed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            boolean environmentResolved = CannedMetrics.resolveEnvironment();
            for (int round = 0; round < ROUNDS; round++) {
                CannedMetrics.serialise();
                CannedMetrics.flushDiscarded(environmentResolved);
            }
        } catch (RuntimeException | LinkageError e) {
            failed.add("metrics: " + e.getMessage());
        }
        try {
            initialiseLogging();
        } catch (RuntimeException | LinkageError e) {
            failed.add("logging: " + e.getMessage());
        }
        for (PrimingCall call : calls) {
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    call.call().run();
                }
                primed.add(call.name());
            } catch (RuntimeException e) {
                failed.add(call.name() + ": " + e.getMessage());
            }
        }
        MDC.clear();
        return new PrimingReport(warmedUp, primed, failed);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing priming made needs renewing: it opened no Data API connection (the warm-up's client is its own,
        // over a canned response), resolved no credentials and kept no clock or random state. What is left is
        // the logging context, which must not carry into the first real request.
        MDC.clear();
    }

    /**
     * Powertools logging sets its log level and finds its logging manager (log4j's) when its class initialises, which
     * is otherwise in the first request. Clearing the log buffer is the one call that does no more than that: the
     * functions configure no buffering appender, so there is nothing to clear, and nothing of a request (the cold
     * start flag, the Lambda context) is touched.
     */
    private static void initialiseLogging() {
        PowertoolsLogging.clearBuffer();
    }

    private static boolean warmUpSdk() {
        try {
            SdkWarmUp.warmUp(RdsDataClient.class);
            CannedDataApi.statements(ROUNDS);
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("SDK warm-up skipped", e);
            return false;
        }
    }
}
