package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.email.EmailProvider;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The provider calls of one wave, up to {@code SEND_CONCURRENCY} in flight at once, each carrying its own
 * messages (a message is handed to exactly one call). The threads are a fixed pool built once per container
 * (daemon threads, a queue no longer than the pool; a submission beyond that runs on the caller's thread), and
 * none is started before the first wave. With a concurrency of 1 the calls run one after the other on the
 * caller's thread, as they always did.
 *
 * <p>Every message gets exactly one result, whatever happens to the other calls: a call that throws, or answers
 * nothing for a message, makes those messages RETRYABLE (resending is safe: the provider dedupes a round's
 * messages). A rate-limited call ({@link SendResult#retryAfter()}) moves {@link #notBefore()}: no new call starts
 * before it, for any round of this container.
 */
@Singleton
public final class ProviderCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderCalls.class);
    /** How often a wait for {@link #notBefore()} looks at the time left. */
    private static final long WAIT_STEP_MILLIS = 200;

    private final EmailProvider provider;
    private final int concurrency;
    private final ThreadPoolExecutor pool;
    private Instant notBefore = Instant.EPOCH;

    @Inject
    public ProviderCalls(EmailProvider provider, SendSettings settings) {
        this.provider = provider;
        this.concurrency = settings.concurrency();
        this.pool = concurrency == 1 ? null : new ThreadPoolExecutor(concurrency, concurrency, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(concurrency), daemonThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** The most provider calls in flight at once. */
    public int concurrency() {
        return concurrency;
    }

    /** When the next provider call may start at the earliest (the end of the longest Retry-After so far). */
    public synchronized Instant notBefore() {
        return notBefore;
    }

    /**
     * Waits until {@link #notBefore()} has passed; false, without waiting, when that is more than {@code longest}
     * away, and false as soon as {@code timeLeft} says there is no time left.
     */
    public boolean awaitNotBefore(BooleanSupplier timeLeft, Duration longest) {
        while (true) {
            long millis = Duration.between(Instant.now(), notBefore()).toMillis();
            if (millis <= 0) {
                return true;
            }
            if (millis > longest.toMillis() || !timeLeft.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(millis, WAIT_STEP_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Starts every call (at most {@link #concurrency()} at once) and returns at once, so that the caller can
     * prepare the next wave meanwhile; with a concurrency of 1 the calls have run when this returns.
     */
    public InFlight start(List<List<OutgoingMessage>> calls) {
        List<Future<List<SendResult>>> futures = new ArrayList<>(calls.size());
        // The invocation's log context (request id, correlation id) goes with each call to its thread.
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        for (List<OutgoingMessage> call : calls) {
            futures.add(pool == null ? CompletableFuture.completedFuture(call(call)) : pool.submit(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                try {
                    return call(call);
                } finally {
                    MDC.clear();
                }
            }));
        }
        return new InFlight(calls, futures);
    }

    /** The calls of one wave, in flight. */
    public final class InFlight {
        private final List<List<OutgoingMessage>> calls;
        private final List<Future<List<SendResult>>> futures;

        private InFlight(List<List<OutgoingMessage>> calls, List<Future<List<SendResult>>> futures) {
            this.calls = calls;
            this.futures = futures;
        }

        /** Waits for every call of the wave; one result per message, in the order the calls were given. */
        public List<SendResult> results() {
            List<SendResult> results = new ArrayList<>();
            Duration longestWait = Duration.ZERO;
            boolean interrupted = false;
            for (int i = 0; i < calls.size(); i++) {
                List<SendResult> answered;
                while (true) {
                    try {
                        answered = futures.get(i).get();
                        break;
                    } catch (InterruptedException e) {
                        // Every call is waited for: none is left running behind the caller.
                        interrupted = true;
                    } catch (ExecutionException e) {
                        answered = failed(calls.get(i), e.getCause());
                        break;
                    }
                }
                for (SendResult result : answered) {
                    results.add(result);
                    if (result.retryAfter() != null && result.retryAfter().compareTo(longestWait) > 0) {
                        longestWait = result.retryAfter();
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (!longestWait.isZero()) {
                waitAtLeast(longestWait);
            }
            return results;
        }
    }

    private synchronized void waitAtLeast(Duration wait) {
        Instant until = Instant.now().plus(wait);
        if (until.isAfter(notBefore)) {
            notBefore = until;
        }
    }

    /** One provider call: one result per message, matched by custom id, whatever the provider answered. */
    private List<SendResult> call(List<OutgoingMessage> messages) {
        List<SendResult> answer;
        try {
            answer = provider.send(messages);
        } catch (RuntimeException e) {
            return failed(messages, e);
        }
        Map<String, SendResult> byId = new HashMap<>();
        answer.forEach(result -> byId.putIfAbsent(result.customId(), result));
        List<SendResult> results = new ArrayList<>(messages.size());
        for (OutgoingMessage message : messages) {
            SendResult result = byId.get(message.customId());
            results.add(result != null ? result
                    : SendResult.retryable(message.customId(), "the provider answered nothing for this message"));
        }
        return results;
    }

    private static List<SendResult> failed(List<OutgoingMessage> messages, Throwable cause) {
        LOG.error("a provider call of {} messages failed; they are tried again", messages.size(), cause);
        String error = "the provider call failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() != null ? " " + cause.getMessage() : "");
        List<SendResult> results = new ArrayList<>(messages.size());
        messages.forEach(m -> results.add(SendResult.retryable(m.customId(), error)));
        return results;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "provider-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
