package com.campaignmanager.shared.priming;

import java.time.Duration;
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
 * A function's priming for SnapStart: in {@code beforeCheckpoint} it runs the SDK's own warm-up of the Data API
 * client (a canned response: no credentials, no database), SELECTs and a transaction through our {@code Database}
 * and the function's kind of HTTP client, answered by a canned Data API on the loopback interface
 * ({@link CannedDataApi}, {@link LoopbackDataApi}) and signed with fixed priming credentials, EMF's serialisation of
 * metrics documents that are never published, flushed as Powertools flushes a request's metrics and its cold-start
 * metric ({@link CannedMetrics}), and the function's {@link PrimingCall}s (requests answered before any SQL, a
 * signed-in caller's claims read, and representative response bodies written through the function's JSON), so that
 * classes, JSON serialisers and the routing are loaded and compiled before the snapshot instead of on the first
 * request after a restore.
 *
 * <p>An on-demand init (no SnapStart) primes too, but only as deep as pays for itself there: each path once, not the
 * Data API path ({@link Depth}), and not the refusals ({@link PrimingCall#refusal()}). There the init and the first
 * request are one wait, so priming can only move work the first request would do anyway; repeating a path, a path
 * that only some first requests take (an error's), or a client, a loopback server and an HTTPS call of priming's
 * own, only adds to it (measured in docs/benchmarks.md).
 *
 * <p>Left to the first request: what must be fresh after a restore - the function's credentials (chosen and
 * resolved by its own provider, which after a restore fetches them from the runtime), its connection to the Data
 * API and the TLS session on it - what belongs to a request (Powertools' logging context and cold-start flag), and,
 * unless {@code AWS_EMF_ENVIRONMENT} is {@code Lambda}, EMF's environment, which the library would probe for over
 * the network.
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
    private final List<PrimingCall> snapshotCalls;

    private Priming(List<PrimingCall> calls, List<PrimingCall> snapshotCalls) {
        this.calls = List.copyOf(calls);
        this.snapshotCalls = List.copyOf(snapshotCalls);
    }

    public static Priming of(PrimingCall... calls) {
        return new Priming(List.of(calls), List.of());
    }

    /**
     * With {@code deeper} run too when priming for a snapshot, and not in an on-demand init: calls that, run once,
     * cost an on-demand init more than they save its first request (McpFunction's JSON-RPC messages, say).
     */
    public Priming beforeSnapshotAlso(PrimingCall... deeper) {
        List<PrimingCall> all = new ArrayList<>(snapshotCalls);
        all.addAll(List.of(deeper));
        return new Priming(calls, all);
    }

    /**
     * How deep a priming goes. {@code rounds}: how often the repeatable part (the canned SELECT, EMF's documents, the
     * function's calls) runs. Before a snapshot, twenty times left HealthFunction's first request after it at 7.5 ms
     * against 10.9 ms after five (medians of 8 runs, 2026-12-03), for ~55 ms more priming, paid once when a version is
     * published; fifty bought 0.4 ms more for ~170 ms. In an on-demand init every round after the first is a cost.
     * {@code dataApi}: whether the Data API path is primed (the SDK's warm-up, then our statements over a canned Data
     * API): in an on-demand init it cost ~40 ms more than the first request saved, since it builds a client and a
     * loopback server of its own (docs/benchmarks.md, issue 14).
     */
    public enum Depth {
        /** Before a SnapStart checkpoint: whatever it costs is paid once, when the version is published. */
        SNAPSHOT(20, true, true, "for a snapshot"),
        /**
         * In an on-demand init, which the first request waits for: each path once, the Data API's, the refusals
         * and the calls only a snapshot's priming makes left to the requests that take them.
         */
        ON_DEMAND(1, false, false, "on demand");

        final int rounds;
        final boolean dataApi;
        final boolean snapshotCalls;
        private final String label;

        Depth(int rounds, boolean dataApi, boolean snapshotCalls, String label) {
            this.rounds = rounds;
            this.dataApi = dataApi;
            this.snapshotCalls = snapshotCalls;
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Lambda's {@code AWS_LAMBDA_INITIALIZATION_TYPE} when the init is the one a SnapStart snapshot is taken of. */
    static final String SNAP_START = "snap-start";

    /**
     * For the benchmark: {@code -Dcampaignmanager.priming=off} primes not at all, as before priming existed;
     * {@code =snapshot} primes the init as a checkpoint would, so that the first request is the one after a restore.
     */
    static final String SWITCH = "campaignmanager.priming";

    /** Far above what the second thread takes (~0.2-0.5 s here); past it the init goes on without waiting. */
    private static final Duration PARALLEL_START_LIMIT = Duration.ofSeconds(5);

    /**
     * Registers for a SnapStart checkpoint and, unless this init is the one a snapshot is taken of (whose checkpoint
     * primes right after it), primes now, {@link Depth#ON_DEMAND on-demand deep}; then waits for the init's
     * {@link ParallelStart}, so that the init ends with its work done.
     */
    public Priming primeAndRegister() {
        String chosen = System.getProperty(SWITCH, "");
        if (!chosen.equals("off")) {
            Core.getGlobalContext().register(this);
            if (chosen.equals("snapshot")) {
                log(prime(Depth.SNAPSHOT), Depth.SNAPSHOT);
            } else if (!SNAP_START.equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
                log(prime(Depth.ON_DEMAND), Depth.ON_DEMAND);
            }
        }
        // Last: priming runs while the second thread finishes.
        ParallelStart.awaitDone(PARALLEL_START_LIMIT).ifPresent(r -> LOG.info(
                "parallel start: {} class(es) loaded, {} not found, TLS {}, {} ms", r.loaded(), r.missing(),
                r.tlsReady() ? "ready" : "not ready", r.millis()));
        return this;
    }

    private static void log(PrimingReport report, Depth depth) {
        if (report.failed().isEmpty()) {
            LOG.info("primed {}: {} call(s) answered as expected, Data API path {}, {} ms", depth,
                    report.primed().size(), report.dataApiPrimed() ? "primed" : "left to the first request",
                    report.millis());
        } else {
            LOG.warn("primed {}: {} call(s) did not answer as expected: {}", depth, report.failed().size(),
                    report.failed());
        }
    }

    /** Primes as before a snapshot, the deepest priming. */
    public PrimingReport prime() {
        return prime(Depth.SNAPSHOT);
    }

    /** Never throws: a priming that fails costs the first request its warm-up, not the function its start. */
    public PrimingReport prime(Depth depth) {
        long started = System.nanoTime();
        boolean dataApiPrimed = depth.dataApi && primeDataApi(depth.rounds);
        List<String> primed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            boolean environmentResolved = CannedMetrics.resolveEnvironment();
            for (int round = 0; round < depth.rounds; round++) {
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
        List<PrimingCall> chosen = new ArrayList<>();
        for (PrimingCall call : calls) {
            if (depth.snapshotCalls || !call.refusal()) {
                chosen.add(call);
            }
        }
        if (depth.snapshotCalls) {
            chosen.addAll(snapshotCalls);
        }
        for (PrimingCall call : chosen) {
            try {
                for (int round = 0; round < depth.rounds; round++) {
                    call.call().run();
                }
                primed.add(call.name());
            } catch (RuntimeException e) {
                failed.add(call.name() + ": " + e.getMessage());
            }
        }
        MDC.clear();
        return new PrimingReport(dataApiPrimed, primed, failed, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        log(prime(Depth.SNAPSHOT), Depth.SNAPSHOT);
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

    /**
     * The SDK's own warm-up of the client (its TLS call may fail where there is no network: the warm-up goes on
     * without it), then our statement path over a canned Data API; whether both ran.
     */
    private static boolean primeDataApi(int rounds) {
        boolean warmedUp = true;
        try {
            SdkWarmUp.warmUp(RdsDataClient.class);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("SDK warm-up failed", e);
            warmedUp = false;
        }
        try {
            CannedDataApi.statements(rounds);
            return warmedUp;
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("canned Data API statements failed", e);
            return false;
        }
    }
}
