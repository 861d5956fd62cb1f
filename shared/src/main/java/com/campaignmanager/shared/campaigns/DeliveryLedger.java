package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.segments.ConditionSql;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.RowMapper;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.json.JsonMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final String ROUND_AUDIENCE = SQL.statement("round-audience");
    /** Where the compiled conditions go in {@code round-audience}: the one place, checked when the class loads. */
    private static final String CONDITIONS_MARKER = "/* conditions */ TRUE";
    private static final String MATERIALISE_LEDGER = withAudience(SQL.statement("materialise-ledger"));
    private static final String PREVIEW_AUDIENCE = withAudience(SQL.statement("preview-audience"));
    private static final String FIND_ROUND_CONDITIONS = SQL.statement("find-round-conditions");
    private static final String LEDGER_AUDIENCE = SQL.statement("ledger-audience");
    private static final String NEXT_BATCH = SQL.statement("next-batch");
    private static final String RECORD_RESULTS = SQL.statement("record-results");
    private static final String EARLIEST_RETRY = SQL.statement("earliest-retry");
    private static final String SKIP_PENDING = SQL.statement("skip-pending");
    private static final String SETTLE_COUNTS = SQL.statement("settle-counts");
    private static final String STOPPED_WITH_PENDING = SQL.statement("stopped-with-pending");

    /** Reads only what this class wrote (stored conditions, the sample): the API's configuration is not needed. */
    private static final ObjectMapper JSON = JsonMapper.create();

    @Inject
    public DeliveryLedger() {
    }

    /**
     * The round's recipients at launch (its audience: its lists, one per address, minus suppressed addresses and
     * its excluded lists, narrowed by its conditions), written once: a repeat writes nothing more, so the ledger
     * stays the recipient set whatever happens to the lists.
     */
    public void materialise(SqlExecutor sql, UUID roundId) {
        ConditionSql.Fragment conditions = conditions(sql, roundId);
        sql.updateIdempotent(withConditions(MATERIALISE_LEDGER, conditions),
                conditions.bindTo(Params.of("roundId", roundId)));
    }

    /** A contact of a preview's sample. */
    public record AudienceMember(UUID contactId, String email, String firstName, String lastName) {
    }

    /**
     * How many the round goes to, and the first {@code limit} of them by address (none for 0); {@code ledger}: the
     * count is its ledger (a launched round), not its lists as they stand now.
     */
    public record AudienceCount(long recipients, List<AudienceMember> sample, boolean ledger) {
    }

    private record AudienceRule(String conditions, boolean ledgerWritten) {
    }

    /**
     * The round's audience: before launch as the ledger would be written now (the same statement, the same
     * conditions); once launched, the ledger itself, whatever has happened to its lists since.
     */
    public AudienceCount preview(SqlExecutor sql, UUID roundId, int limit) {
        AudienceRule rule = audienceRule(sql, roundId);
        Params params = Params.of("roundId", roundId).put("limit", limit);
        if (rule.ledgerWritten()) {
            return sql.querySingle(LEDGER_AUDIENCE, params, r -> audienceCount(r, true));
        }
        ConditionSql.Fragment conditions = compiled(rule);
        return sql.querySingle(withConditions(PREVIEW_AUDIENCE, conditions), conditions.bindTo(params),
                r -> audienceCount(r, false));
    }

    private static AudienceCount audienceCount(Row r, boolean ledger) {
        try {
            return new AudienceCount(r.longValue("recipients"),
                    List.of(JSON.readValue(r.json("sample"), AudienceMember[].class)), ledger);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audience sample is not JSON", e);
        }
    }

    private ConditionSql.Fragment conditions(SqlExecutor sql, UUID roundId) {
        return compiled(audienceRule(sql, roundId));
    }

    private AudienceRule audienceRule(SqlExecutor sql, UUID roundId) {
        // A list, not querySingle: a round without conditions answers one row holding NULL.
        return sql.query(FIND_ROUND_CONDITIONS, Params.of("roundId", roundId),
                r -> new AudienceRule(r.json("conditions"), Boolean.TRUE.equals(r.bool("ledger_written")))).get(0);
    }

    private static ConditionSql.Fragment compiled(AudienceRule rule) {
        try {
            return rule.conditions() == null ? ConditionSql.EVERYONE
                    : ConditionSql.compile(JSON.readTree(rule.conditions()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the round's conditions are not JSON", e);
        }
    }

    private static String withAudience(String statement) {
        String marker = "/* round-audience */";
        if (statement.indexOf(marker) < 0 || statement.indexOf(marker) != statement.lastIndexOf(marker)
                || ROUND_AUDIENCE.indexOf(CONDITIONS_MARKER) != ROUND_AUDIENCE.lastIndexOf(CONDITIONS_MARKER)
                || ROUND_AUDIENCE.indexOf(CONDITIONS_MARKER) < 0) {
            throw new IllegalStateException("deliveries.sql: the audience markers are not where they belong");
        }
        return statement.replace(marker, ROUND_AUDIENCE);
    }

    /** The one place compiled conditions enter a statement: fixed text of {@link ConditionSql}, never input. */
    private static String withConditions(String statement, ConditionSql.Fragment conditions) {
        return statement.replace(CONDITIONS_MARKER, conditions.sql());
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
