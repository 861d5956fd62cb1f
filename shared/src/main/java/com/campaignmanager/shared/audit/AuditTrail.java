package com.campaignmanager.shared.audit;

import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Records who did what to which object, in the same transaction as the change itself. */
@Singleton
public final class AuditTrail {
    private static final SqlStatements SQL = SqlStatements.load(AuditTrail.class, "audit.sql");

    private final ObjectMapper json;

    @Inject
    public AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    /** One entry: {@code detail} holds before/after and the request id where the change had them. */
    public record AuditEvent(java.util.UUID id, java.time.Instant at, String actor, String action, String entityType,
                             String entityId, com.fasterxml.jackson.databind.JsonNode detail) {
    }

    /** Newest first, filtered by whatever is given. */
    public com.campaignmanager.shared.db.Page<AuditEvent> page(SqlExecutor sql, String entityType, String entityId,
                                                                String actor, java.time.Instant from,
                                                                java.time.Instant to, java.util.List<String> after,
                                                                int limit) {
        Params params = Params.of("entityType", entityType).put("entityId", entityId).put("actor", actor)
                .put("from", from).put("to", to);
        try {
            params.put("afterOccurredAt", after == null ? null : com.campaignmanager.shared.db.Cursor.instant(after.get(0)))
                    .put("afterId", after == null ? null : java.util.UUID.fromString(after.get(1)));
        } catch (RuntimeException e) {
            throw new com.campaignmanager.shared.db.InvalidCursorException();
        }
        return sql.queryPage(SQL.get("page-audit-events"), params, limit, r -> {
            try {
                return new AuditEvent(r.uuid("id"), r.instant("occurred_at"), r.string("actor"), r.string("action"),
                        r.string("entity_type"), r.string("entity_id"), json.readTree(r.json("detail")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("audit detail is not JSON", e);
            }
        }, e -> com.campaignmanager.shared.db.Cursor.encode(e.at().toString(), e.id().toString()));
    }

    public void record(SqlExecutor sql, String actor, String action, String entityType, String entityId,
                       Map<String, ?> detail) {
        try {
            sql.update(SQL.get("insert-audit-event"), Params.of("actor", actor)
                    .put("action", action)
                    .put("entityType", entityType)
                    .put("entityId", entityId)
                    .putJson("detail", json.writeValueAsString(detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable", e);
        }
    }

    /** The detail of a change: what it was, what it is, and the request that made it. */
    public static Map<String, Object> change(String requestId, Object before, Object after) {
        Map<String, Object> detail = new java.util.HashMap<>();
        detail.put("before", before);
        detail.put("after", after);
        detail.put("requestId", requestId);
        return detail;
    }
}
