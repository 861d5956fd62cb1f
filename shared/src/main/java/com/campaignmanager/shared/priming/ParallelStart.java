package com.campaignmanager.shared.priming;

import com.campaignmanager.shared.aws.AmazonTrustAnchors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * The part of a function's start that runs on a second thread while the handler's class initialiser builds the
 * component: the JDK's TLS set-up (its providers and cipher suites, which the JDK makes once and keeps, and the
 * Data API client's trust, {@link AmazonTrustAnchors}, parsed once, so that the SDK's HTTP client finds both
 * ready), then loading the classes every function's init and first request load, from a list recorded with
 * {@code -Xlog:class+load} ({@code class-list} command of the local runner, {@value #CLASS_LIST}). The class
 * initialiser keeps one core busy; Lambda's init phase is reported to run unthrottled on two vCPUs, and this machine
 * has two cores (docs/benchmarks.md measures with and without: {@code ours-serial}).
 *
 * <p>Why it is safe beside the class initialiser: a listed class is loaded, never initialised (no static initialiser
 * runs, so no lock order with the main thread's initialisation, and nothing a request sees changes); the one class
 * this thread initialises is the trust anchors' holder, which uses nothing but the JDK's security classes; and the
 * TLS context is the one the SDK's HTTP client builds in init anyway, then dropped: nothing new is made before a
 * snapshot. Logging
 * is left alone: log4j leaves a logger created while another thread configures it on its default configuration, so
 * its configuration stays on the main thread, and this thread logs nothing.
 *
 * <p>{@code -Dcampaignmanager.parallel-start=off} starts nothing (the benchmark's comparison).
 */
public final class ParallelStart {
    static final String CLASS_LIST = "META-INF/campaign-manager/preload-classes.txt";
    static final String SWITCH = "campaignmanager.parallel-start";
    /**
     * The list's lambdas ({@code C$$Lambda$N}) are classes only in the deployable jar (the build's rewrite); where the
     * functions run from their modules' classes (tests, the local runner) their sites stay lambdas: not a stale list.
     */
    static final String LAMBDA_CLASS = "$$Lambda$";

    private static final AtomicReference<ParallelStart> STARTED = new AtomicReference<>();

    private final Thread thread;
    private final ClassLoader loader;
    private volatile Report report;

    /** What the second thread did: classes loaded and not found (a stale list), whether TLS is ready, how long. */
    public record Report(int loaded, int missing, boolean tlsReady, long millis) {
    }

    ParallelStart(ClassLoader loader) {
        this.loader = loader;
        this.thread = new Thread(this::run, "parallel-start");
        this.thread.setDaemon(true);
    }

    /** Starts the second thread once per JVM; the first statement of every handler's class initialiser. */
    public static void begin() {
        if (System.getProperty(SWITCH, "").equals("off")) {
            return;
        }
        ParallelStart start = new ParallelStart(ParallelStart.class.getClassLoader());
        if (STARTED.compareAndSet(null, start)) {
            start.thread.start();
        }
    }

    /**
     * Waits up to {@code limit} for the second thread; empty if none was started or it has not finished. Init ends
     * here, so that its work is not left to compete with the first request (or to run into a snapshot).
     */
    public static Optional<Report> awaitDone(Duration limit) {
        ParallelStart start = STARTED.get();
        if (start == null) {
            return Optional.empty();
        }
        try {
            start.thread.join(Math.max(1, limit.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.ofNullable(start.report);
    }

    private void run() {
        report = work();
    }

    /** What the second thread does, on the calling thread. */
    Report work() {
        long started = System.nanoTime();
        boolean tlsReady = prepareTls();
        int[] counts = loadListedClasses();
        return new Report(counts[0], counts[1], tlsReady, (System.nanoTime() - started) / 1_000_000);
    }

    /** As the Data API client's {@code UrlConnectionHttpClient} builds its context: its trust, no client keys. */
    private static boolean prepareTls() {
        try {
            SSLContext.getInstance("TLS").init(null, AmazonTrustAnchors.trustManagers(), null);
            return true;
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            // The client then fails its init on the same error (its trust cannot be read): nothing to add here.
            return false;
        }
    }

    /** {@code {loaded, missing}}. A line per run of classes of one package: the package, then their simple names. */
    private int[] loadListedClasses() {
        int loaded = 0;
        int missing = 0;
        try (InputStream in = loader.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return new int[] {0, 0};
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.trim().split(" ");
                for (int i = 1; i < names.length; i++) {
                    if (load(names[0] + '.' + names[i])) {
                        loaded++;
                    } else if (!names[i].contains(LAMBDA_CLASS)) {
                        missing++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A list that cannot be read costs the start its head start, nothing else.
        }
        return new int[] {loaded, missing};
    }

    private boolean load(String className) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
