package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.SqlExecutor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What stored provider events do to the suppression list, in one transaction: each event's own suppression,
 * then the soft-bounce rule for the addresses that soft-bounced. Events already applied are skipped, so this is
 * safe to run again for the same events, and concurrently.
 */
@Singleton
public final class ProviderEventApplier {
    private final Database database;
    private final ProviderEventRepository events;
    private final SoftBounceRule softBounces;

    /** {@code applied}: events that asked for a change (suppression or soft bounce) and were applied now. */
    public record Outcome(int claimed, int applied, long softBounceSuppressed) {
    }

    @Inject
    public ProviderEventApplier(Database database, ProviderEventRepository events, SoftBounceRule softBounces) {
        this.database = database;
        this.events = events;
        this.softBounces = softBounces;
    }

    public Outcome apply(String provider, Collection<String> keys) {
        if (keys.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        return database.inTransaction(tx -> outcome(events.apply(tx, provider, keys), tx));
    }

    /** Events that a failed request left stored but unapplied and that no resend has applied since. */
    public Outcome applyStale(Instant receivedBefore) {
        return database.inTransaction(tx -> outcome(events.applyStale(tx, receivedBefore), tx));
    }

    private Outcome outcome(List<ProviderEventRepository.Applied> applied, SqlExecutor tx) {
        Set<String> softBounced = new TreeSet<>();
        int withEffect = 0;
        for (ProviderEventRepository.Applied event : applied) {
            if (event.hasEffect()) {
                withEffect++;
                if (event.softBounce()) {
                    softBounced.add(event.emailHash());
                }
            }
        }
        return new Outcome(applied.size(), withEffect, softBounces.apply(tx, softBounced));
    }
}
