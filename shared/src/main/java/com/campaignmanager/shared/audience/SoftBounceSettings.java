package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.config.Environment;

/**
 * The soft-bounce rule's numbers: {@code limit} soft bounces within {@code windowDays} days suppress an address.
 *
 * @param limit      {@code SOFT_BOUNCE_LIMIT}, 1–1000, default 3
 * @param windowDays {@code SOFT_BOUNCE_WINDOW_DAYS}, 1–3650, default 30
 */
public record SoftBounceSettings(int limit, int windowDays) {
    public static final String LIMIT = "SOFT_BOUNCE_LIMIT";
    public static final String WINDOW_DAYS = "SOFT_BOUNCE_WINDOW_DAYS";

    public SoftBounceSettings {
        if (limit < 1 || windowDays < 1) {
            throw new IllegalArgumentException("the soft-bounce limit and window are at least 1: " + limit + ", "
                    + windowDays);
        }
    }

    public static SoftBounceSettings from(Environment environment) {
        return new SoftBounceSettings(environment.optionalInt(LIMIT, 3, 1, 1000),
                environment.optionalInt(WINDOW_DAYS, 30, 1, 3650));
    }
}
