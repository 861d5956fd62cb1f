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
}
