package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Cursor;
import com.campaignmanager.shared.db.LikeText;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.http.Acting;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The global suppression list, keyed by the hash of the address (see {@link EmailAddress#hash()}). Every change is
 * audited in the caller's transaction: {@code suppression.added}, {@code suppression.changed} (a new reason, e.g.
 * an erasure) and {@code suppression.lifted}, as entity {@code suppression} with the hash as its id, never the
 * address.
 */
@Singleton
public final class SuppressionRepository {
    private static final SqlStatements SQL = SqlStatements.load(SuppressionRepository.class, "suppressions.sql");
    private static final String INSERT_SUPPRESSION = SQL.statement("insert-suppression");
    private static final String FIND_SUPPRESSION = SQL.statement("find-suppression");
    private static final String PAGE_SUPPRESSIONS = SQL.statement("page-suppressions");
    private static final String DELETE_SUPPRESSION = SQL.statement("delete-suppression");

    private final AuditTrail audit;

    @Inject
    public SuppressionRepository(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * Suppresses the address; an existing entry keeps its first reason (an erasure always replaces it). True when
     * this call changed the list. Run it in a transaction: the change and its audit entry go together.
     */
    public boolean suppress(SqlExecutor sql, EmailAddress email, SuppressionReason reason, String source,
                            UUID roundId, String actor) {
        return suppressHash(sql, email.hash(), reason == SuppressionReason.ERASED ? null : email.value(), reason,
                source, roundId, actor);
    }

    /** As {@link #suppress}, by a request: the audit entry also keeps the request's id, as other changes do. */
    public boolean suppress(SqlExecutor sql, EmailAddress email, SuppressionReason reason, String source,
                            Acting acting) {
        return suppressHash(sql, email.hash(), reason == SuppressionReason.ERASED ? null : email.value(), reason,
                source, null, acting.actor(), acting.requestId());
    }

    /** As {@link #suppress}, for an address known only by its hash (or with the stored address). */
    public boolean suppressHash(SqlExecutor sql, String emailHash, String email, SuppressionReason reason,
                                String source, UUID roundId, String actor) {
        return suppressHash(sql, emailHash, email, reason, source, roundId, actor, null);
    }

    private boolean suppressHash(SqlExecutor sql, String emailHash, String email, SuppressionReason reason,
                                 String source, UUID roundId, String actor, String requestId) {
        Optional<Boolean> inserted = sql.queryOptional(INSERT_SUPPRESSION, Params.of("emailHash", emailHash)
                .put("email", email).put("reason", reason.wireName()).put("source", source).put("roundId", roundId),
                r -> Boolean.TRUE.equals(r.bool("inserted")));
        if (inserted.isEmpty()) {
            return false;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reason", reason.wireName());
        detail.put("source", source);
        detail.put("roundId", roundId);
        if (requestId != null) {
            detail.put("requestId", requestId);
        }
        audit.record(sql, actor, inserted.get() ? "suppression.added" : "suppression.changed", "suppression",
                emailHash, detail);
        return true;
    }

    public Optional<Suppression> find(SqlExecutor sql, EmailAddress email) {
        return sql.queryOptional(FIND_SUPPRESSION, Params.of("emailHash", email.hash()),
                r -> new Suppression(r.string("email"), r.string("reason"), r.string("source"), r.uuid("round_id"),
                        r.instant("created_at")));
    }

    public record Entry(String emailHash, Suppression suppression) {
    }

    public Page<Suppression> page(SqlExecutor sql, SuppressionReason reason, String q, List<String> after, int limit) {
        Params params = Params.of("reason", reason == null ? null : reason.wireName()).put("q", LikeText.escaped(q));
        if (after == null) {
            params.put("afterCreatedAt", (Instant) null).put("afterHash", (String) null);
        } else {
            try {
                params.put("afterCreatedAt", Cursor.instant(after.get(0))).put("afterHash", after.get(1));
            } catch (RuntimeException e) {
                throw new com.campaignmanager.shared.db.InvalidCursorException();
            }
        }
        Page<Entry> page = sql.queryPage(PAGE_SUPPRESSIONS, params, limit,
                r -> new Entry(r.string("email_hash"), new Suppression(r.string("email"), r.string("reason"),
                        r.string("source"), r.uuid("round_id"), r.instant("created_at"))),
                e -> Cursor.encode(e.suppression().createdAt().toString(), e.emailHash()));
        return new Page<>(page.items().stream().map(Entry::suppression).toList(), page.nextCursor());
    }

    /**
     * Lifts a suppression, audited; never one for a spam complaint or an erasure. True when one was lifted. Run it
     * in a transaction.
     */
    public boolean lift(SqlExecutor sql, EmailAddress email, String actor) {
        Optional<String> reason = sql.queryOptional(DELETE_SUPPRESSION,
                Params.of("emailHash", email.hash()), r -> r.string("reason"));
        reason.ifPresent(r -> audit.record(sql, actor, "suppression.lifted", "suppression", email.hash(),
                Map.of("reason", r)));
        return reason.isPresent();
    }
}
