package com.campaignmanager.shared.db;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential backoff with full jitter. The budget of {@link #standard()} covers an Aurora Serverless v2
 * cluster resuming from zero capacity (about 15 s), within a Lambda timeout.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {

    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(7, Duration.ofMillis(200), Duration.ofSeconds(8), d -> Thread.sleep(d.toMillis()));
    }

    /** The delay before attempt {@code attempt + 1}, where attempt 1 is the first try. */
    Duration delayAfter(int attempt) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * (1L << Math.min(attempt - 1, 20)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    void pause(int attempt) {
        try {
            sleeper.sleep(delayAfter(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessException("interrupted while waiting to retry a database call", e);
        }
    }
}
