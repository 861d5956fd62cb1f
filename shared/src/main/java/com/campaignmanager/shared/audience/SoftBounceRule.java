package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.SqlExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * N soft bounces in the last D days suppress an address as {@code soft_bounce_limit}: one bounce is a full
 * mailbox, several in a row a dead one. N and D from {@link SoftBounceSettings} (3 in 30 days).
 */
@Singleton
public final class SoftBounceRule {
    private final ProviderEventRepository events;
    private final SoftBounceSettings settings;
    private final Clock clock;

    @Inject
    public SoftBounceRule(ProviderEventRepository events, SoftBounceSettings settings) {
        this(events, settings, Clock.systemUTC());
    }

    public SoftBounceRule(ProviderEventRepository events, SoftBounceSettings settings, Clock clock) {
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public SoftBounceSettings settings() {
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
