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
    private static final String PAGE_AUDIT_EVENTS = SQL.statement("page-audit-events");
    private static final String INSERT_AUDIT_EVENT = SQL.statement("insert-audit-event");

    private final ObjectMapper json;

    @Inject
    public AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    /** One entry: {@code detail} holds before/after and the request id where the change had them. */
    public record AuditEvent(java.util.UUID id, java.time.Instant at, String actor, String action, String entityType,
                             String entityId, com.fasterxml.jackson.databind.JsonNode detail) {
    }

    /** Entries about these are about a person: their detail is personal data. */
    private static final java.util.Set<String> PERSONAL_ENTITIES = java.util.Set.of("contact", "suppression");
    /** Detail fields that list addresses (a test send's recipients, skipped ones): only counted for viewers. */
    private static final java.util.List<String> ADDRESS_LISTS = java.util.List.of("to", "skipped");

    /**
     * Newest first, filtered by whatever is given. {@code personalData}: whether the reader may see it
     * ({@code Caller.maySeePersonalData}); if not, entries keep who did what to which object and when, but not to
     * whom — the detail of entries about contacts and suppressions, and the addresses of test sends, are left out.
     */
    public com.campaignmanager.shared.db.Page<AuditEvent> page(SqlExecutor sql, String entityType, String entityId,
                                                                String actor, java.time.Instant from,
                                                                java.time.Instant to, java.util.List<String> after,
                                                                int limit, boolean personalData) {
        Params params = Params.of("entityType", entityType).put("entityId", entityId).put("actor", actor)
                .put("from", from).put("to", to);
        try {
            params.put("afterOccurredAt", after == null ? null : com.campaignmanager.shared.db.Cursor.instant(after.get(0)))
                    .put("afterId", after == null ? null : java.util.UUID.fromString(after.get(1)));
        } catch (RuntimeException e) {
            throw new com.campaignmanager.shared.db.InvalidCursorException();
        }
        return sql.queryPage(PAGE_AUDIT_EVENTS, params, limit, r -> {
            try {
                AuditEvent event = new AuditEvent(r.uuid("id"), r.instant("occurred_at"), r.string("actor"),
                        r.string("action"), r.string("entity_type"), r.string("entity_id"),
                        json.readTree(r.json("detail")));
                return personalData ? event : withoutPersonalData(event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("audit detail is not JSON", e);
            }
        }, e -> com.campaignmanager.shared.db.Cursor.encode(e.at().toString(), e.id().toString()));
    }

    private AuditEvent withoutPersonalData(AuditEvent event) {
        com.fasterxml.jackson.databind.JsonNode original = event.detail();
        com.fasterxml.jackson.databind.JsonNode detail = original;
        if (PERSONAL_ENTITIES.contains(event.entityType())) {
            detail = json.createObjectNode().put("redacted", "personal data: needs the role editor, approver or admin");
        } else if (original.isObject() && ADDRESS_LISTS.stream().anyMatch(original::has)) {
            com.fasterxml.jackson.databind.node.ObjectNode counts = ((com.fasterxml.jackson.databind.node.ObjectNode)
                    original.deepCopy());
            ADDRESS_LISTS.forEach(field -> counts.put(field, original.path(field).size()));
            detail = counts;
        }
        return new AuditEvent(event.id(), event.at(), event.actor(), event.action(), event.entityType(),
                event.entityId(), detail);
    }

    public void record(SqlExecutor sql, String actor, String action, String entityType, String entityId,
                       Map<String, ?> detail) {
        try {
            sql.update(INSERT_AUDIT_EVENT, Params.of("actor", actor)
                    .put("action", action)
                    .put("entityType", entityType)
                    .put("entityId", entityId)
                    .putJson("detail", json.writeValueAsString(detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable", e);
        }
    }

    /** One entry of {@link #recordAll}. */
    public record Entry(String action, String entityType, String entityId, Map<String, ?> detail) {
    }

    /** Several entries by one actor, in as few calls as the Data API allows (e.g. the rounds of a copied campaign). */
    public void recordAll(SqlExecutor sql, String actor, java.util.List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        java.util.List<Params> rows = new java.util.ArrayList<>();
        for (Entry entry : entries) {
            try {
                rows.add(Params.of("actor", actor).put("action", entry.action()).put("entityType", entry.entityType())
                        .put("entityId", entry.entityId()).putJson("detail", json.writeValueAsString(entry.detail())));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("audit detail is not serialisable", e);
            }
        }
        sql.batch(INSERT_AUDIT_EVENT, rows);
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
