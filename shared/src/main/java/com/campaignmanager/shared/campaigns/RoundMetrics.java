package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.email.EmailProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Per-round statistics, collected hourly for rounds sent in the last 30 days and kept as a history, from two
 * sources: the ledger with the provider's webhook events ({@code ledger}, whatever the provider; the outbox's own
 * counts), and the provider's own counters for the round's campaign where it keeps them ({@code mailjet}
 * statcounters).
 */
@Singleton
public final class RoundMetrics {
    private static final SqlStatements SQL = SqlStatements.load(RoundMetrics.class, "metrics.sql");
    private static final String COLLECT_ROUND_METRICS = SQL.statement("collect-round-metrics");
    private static final String ROUNDS_SENT_THROUGH = SQL.statement("rounds-sent-through");
    private static final String INSERT_PROVIDER_METRICS = SQL.statement("insert-provider-metrics");
    private static final String FIND_ROUND_METRICS = SQL.statement("find-round-metrics");

    public record Snapshot(Instant collectedAt, String source, int recipients, int sent, int failed, int skipped, int opens,
                           int uniqueOpens, int clicks, int uniqueClicks, int bounces, int complaints,
                           int unsubscribes) {
    }

    /** {@code latest} (ledger) and {@code provider} (the provider's counters) are null before their first collection. */
    public record Figures(Snapshot latest, Snapshot provider, List<Snapshot> history) {
    }

    /** What one collection stored. */
    public record Collected(long rounds, int providerSnapshots) {
    }

    static final int PROVIDER_ROUNDS_PER_RUN = 100;

    private final Database database;
    private final EmailProvider provider;

    @Inject
    public RoundMetrics(Database database, EmailProvider provider) {
        this.database = database;
        this.provider = provider;
    }

    /** One statement for all recent rounds, then the provider's counters of those it sent (one batch insert). */
    public Collected collect() {
        long rounds = database.update(COLLECT_ROUND_METRICS, Params.of());
        List<Params> snapshots = new ArrayList<>();
        for (UUID roundId : database.query(ROUNDS_SENT_THROUGH, Params.of("provider", provider.name())
                .put("limit", PROVIDER_ROUNDS_PER_RUN), r -> r.uuid("id"))) {
            provider.statistics(roundId.toString()).ifPresent(s -> snapshots.add(Params.of("roundId", roundId)
                    .put("source", provider.name()).put("recipients", s.processed()).put("sent", s.delivered())
                    .put("failed", s.blocked()).put("opens", s.opens()).put("uniqueOpens", s.uniqueOpens())
                    .put("clicks", s.clicks()).put("uniqueClicks", s.uniqueClicks()).put("bounces", s.bounces())
                    .put("complaints", s.complaints()).put("unsubscribes", s.unsubscribes())));
        }
        if (!snapshots.isEmpty()) {
            database.batch(INSERT_PROVIDER_METRICS, snapshots);
        }
        return new Collected(rounds, snapshots.size());
    }

    public Figures figures(SqlExecutor sql, UUID roundId) {
        List<Snapshot> history = sql.query(FIND_ROUND_METRICS, Params.of("roundId", roundId).put("limit", 168),
                r -> new Snapshot(r.instant("collected_at"), r.string("source"), r.intValue("recipients"), r.intValue("sent"),
                        r.intValue("failed"), r.intValue("skipped"), r.intValue("opens"), r.intValue("unique_opens"),
                        r.intValue("clicks"), r.intValue("unique_clicks"), r.intValue("bounces"),
                        r.intValue("complaints"), r.intValue("unsubscribes")));
        return new Figures(latest(history, "ledger"), latest(history, provider.name()), history);
    }

    private static Snapshot latest(List<Snapshot> newestFirst, String source) {
        return newestFirst.stream().filter(s -> s.source().equals(source)).findFirst().orElse(null);
    }
}
