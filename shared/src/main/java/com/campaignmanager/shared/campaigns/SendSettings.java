package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.config.Environment;

/**
 * How the launcher sends.
 *
 * @param concurrency {@code SEND_CONCURRENCY}, 1–32, default 8: the provider calls one worker keeps in flight at
 *                    once (one wave); 1 sends one call after the other
 */
public record SendSettings(int concurrency) {
    public static final String CONCURRENCY = "SEND_CONCURRENCY";
    static final int MAX_CONCURRENCY = 32;

    public SendSettings {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("send concurrency is 1 to " + MAX_CONCURRENCY + ": " + concurrency);
        }
    }

    public static SendSettings from(Environment environment) {
        return new SendSettings(environment.optionalInt(CONCURRENCY, 8, 1, MAX_CONCURRENCY));
    }
}
