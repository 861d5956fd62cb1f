package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Per-round statistics: collected hourly for rounds sent in the last 30 days from the ledger and the provider's
 * events (whatever the provider: Mailjet reports opens, clicks and bounces through its event webhook), kept as a
 * history.
 */
@Singleton
public final class RoundMetrics {
    private static final SqlStatements SQL = SqlStatements.load(RoundMetrics.class, "metrics.sql");

    public record Snapshot(Instant collectedAt, int recipients, int sent, int failed, int skipped, int opens,
                           int uniqueOpens, int clicks, int uniqueClicks, int bounces, int complaints,
                           int unsubscribes) {
    }

    /** {@code latest} is null before the first collection. */
    public record Figures(Snapshot latest, List<Snapshot> history) {
    }

    private final Database database;

    @Inject
    public RoundMetrics(Database database) {
        this.database = database;
    }

    /** One statement for all recent rounds; returns how many rounds got a snapshot. */
    public long collect() {
        return database.update(SQL.get("collect-round-metrics"), Params.of());
    }

    public Figures figures(SqlExecutor sql, UUID roundId) {
        List<Snapshot> history = sql.query(SQL.get("find-round-metrics"), Params.of("roundId", roundId).put("limit", 168),
                r -> new Snapshot(r.instant("collected_at"), r.intValue("recipients"), r.intValue("sent"),
                        r.intValue("failed"), r.intValue("skipped"), r.intValue("opens"), r.intValue("unique_opens"),
                        r.intValue("clicks"), r.intValue("unique_clicks"), r.intValue("bounces"),
                        r.intValue("complaints"), r.intValue("unsubscribes")));
        return new Figures(history.isEmpty() ? null : history.get(0), history);
    }
}
