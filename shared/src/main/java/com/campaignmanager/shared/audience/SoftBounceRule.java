package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.SqlExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * N soft bounces in the last D days suppress an address as {@code soft_bounce_limit}: one bounce is a full
 * mailbox, several in a row a dead one. N from {@code SOFT_BOUNCE_LIMIT} (3), D from
 * {@code SOFT_BOUNCE_WINDOW_DAYS} (30).
 */
@Singleton
public final class SoftBounceRule {
    public static final String LIMIT = "SOFT_BOUNCE_LIMIT";
    public static final String WINDOW_DAYS = "SOFT_BOUNCE_WINDOW_DAYS";

    public record Settings(int limit, int windowDays) {
        public Settings {
            if (limit < 1) {
                throw new IllegalArgumentException(LIMIT + " must be at least 1: " + limit);
            }
            if (windowDays < 1) {
                throw new IllegalArgumentException(WINDOW_DAYS + " must be at least 1: " + windowDays);
            }
        }

        public static Settings from(Environment environment) {
            return new Settings(number(environment, LIMIT, 3), number(environment, WINDOW_DAYS, 30));
        }

        private static int number(Environment environment, String name, int defaultValue) {
            String value = environment.optional(name).orElse(null);
            if (value == null) {
                return defaultValue;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
            }
        }
    }

    private final ProviderEventRepository events;
    private final Settings settings;
    private final Clock clock;

    @Inject
    public SoftBounceRule(ProviderEventRepository events) {
        this(events, Settings.from(Environment.system()), Clock.systemUTC());
    }

    public SoftBounceRule(ProviderEventRepository events, Settings settings, Clock clock) {
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    /** The rule for the addresses that just soft-bounced; returns how many it suppressed. */
    public long apply(SqlExecutor sql, Collection<String> emailHashes) {
        if (emailHashes.isEmpty()) {
            return 0;
        }
        return events.suppressOverSoftBounceLimit(sql, emailHashes, windowStart(), settings.limit());
    }

    /** The rule for every address with a soft bounce in the window (the nightly job's sweep). */
    public long applyToAll(SqlExecutor sql) {
        return events.suppressOverSoftBounceLimit(sql, null, windowStart(), settings.limit());
    }

    Instant windowStart() {
        return clock.instant().minus(Duration.ofDays(settings.windowDays()));
    }
}
