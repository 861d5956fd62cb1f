package com.campaignmanager.shared.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * How long the weekly list maintenance keeps what it clears.
 *
 * @param erasedData    {@code ERASED_DATA_RETENTION_DAYS} (1–3650, default 30): the details of an erasure
 * @param notifications {@code NOTIFICATION_RETENTION_DAYS} (1–3650, default 180): notifications, with their in-app
 *                      rows and deliveries
 */
public record RetentionSettings(Duration erasedData, Duration notifications) {
    public static final String ERASED_DATA_DAYS = "ERASED_DATA_RETENTION_DAYS";
    public static final String NOTIFICATION_DAYS = "NOTIFICATION_RETENTION_DAYS";

    public static RetentionSettings from(Environment environment) {
        return new RetentionSettings(environment.optionalDuration(ERASED_DATA_DAYS, ChronoUnit.DAYS, 30, 1, 3650),
                environment.optionalDuration(NOTIFICATION_DAYS, ChronoUnit.DAYS, 180, 1, 3650));
    }
}
