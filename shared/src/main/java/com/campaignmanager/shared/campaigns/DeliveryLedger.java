package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.RowMapper;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The delivery ledger: one row per recipient of a round (and per test message), written before the provider is
 * called, each updated with its own result. It is what answers "did this address get this round?".
 */
@Singleton
public final class DeliveryLedger {
    private static final SqlStatements SQL = SqlStatements.load(DeliveryLedger.class, "deliveries.sql");
    private static final String MATERIALISE_LEDGER = SQL.statement("materialise-ledger");
    private static final String NEXT_BATCH = SQL.statement("next-batch");
    private static final String RECORD_RESULTS = SQL.statement("record-results");
    private static final String EARLIEST_RETRY = SQL.statement("earliest-retry");
    private static final String SKIP_PENDING = SQL.statement("skip-pending");
    private static final String SETTLE_COUNTS = SQL.statement("settle-counts");
    private static final String STOPPED_WITH_PENDING = SQL.statement("stopped-with-pending");

    @Inject
    public DeliveryLedger() {
    }

    /**
     * The round's recipients at launch (its lists, one per address, minus suppressed addresses), written once:
     * a repeat writes nothing more, so the ledger stays the recipient set whatever happens to the lists.
     */
    public void materialise(SqlExecutor sql, UUID roundId) {
        sql.updateIdempotent(MATERIALISE_LEDGER, Params.of("roundId", roundId));
    }

    /** Before every delivery id: the start of the ledger. */
    public static final UUID START = new UUID(0, 0);

    /** The next pending messages that are due (not waiting for a retry), in ledger order. */
    public <T> List<T> nextBatch(SqlExecutor sql, UUID roundId, int limit, RowMapper<T> mapper) {
        return nextBatch(sql, roundId, START, limit, mapper);
    }

    /** As {@link #nextBatch(SqlExecutor, UUID, int, RowMapper)}, from the first id after {@code after}. */
    public <T> List<T> nextBatch(SqlExecutor sql, UUID roundId, UUID after, int limit, RowMapper<T> mapper) {
        return sql.query(NEXT_BATCH, Params.of("roundId", roundId).put("after", after).put("limit", limit), mapper);
    }

    /**
     * Each message's result: {@code results} is a JSON array of {@code {id, status, provider_message_id, error,
     * attempted, next_attempt_at}}; only rows still pending change, so a repeat cannot count an attempt twice.
     */
    public void record(SqlExecutor sql, String provider, String results) {
        sql.updateIdempotent(RECORD_RESULTS, Params.of("provider", provider).putJson("results", results));
    }

    /** When the first pending message waiting for a retry is due; null when none waits. */
    public Instant earliestRetry(SqlExecutor sql, UUID roundId) {
        // min() of no rows is one row with a NULL: no retry is waiting.
        return sql.query(EARLIEST_RETRY, Params.of("roundId", roundId), r -> r.instant("next_attempt_at"))
                .get(0);
    }

    /**
     * A stopped round: its pending messages are skipped with {@code reason}, never sent, except those a worker
     * handed to the provider within {@code lease} (that worker records them). The ledger is never rewritten: only
     * pending rows change.
     */
    public void skipPending(SqlExecutor sql, UUID roundId, String reason, Duration lease) {
        sql.updateIdempotent(SKIP_PENDING, Params.of("roundId", roundId).put("reason", reason)
                .put("leaseSeconds", lease.toSeconds()));
    }

    /** The round's recipients, sent, failed and skipped, counted from its ledger (once the ledger is written). */
    public void settleCounts(SqlExecutor sql, UUID roundId) {
        sql.updateIdempotent(SETTLE_COUNTS, Params.of("roundId", roundId));
    }

    /** Stopped rounds (id, stop reason) whose worker left messages pending and is gone. */
    public List<Map.Entry<UUID, String>> stoppedWithPending(SqlExecutor sql) {
        return sql.query(STOPPED_WITH_PENDING, Params.of(),
                r -> Map.entry(r.uuid("id"), r.isNull("stop_reason") ? "stopped" : r.string("stop_reason")));
    }
}
