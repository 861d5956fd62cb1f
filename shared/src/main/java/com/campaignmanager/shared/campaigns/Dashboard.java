package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code GET /dashboard}: upcoming rounds, approvals waiting, recent sends with rates, audience growth, overdue
 * tasks and failed notifications — built by the database as one JSON document, in one Data API call whatever
 * the amount of data (each list is capped, with its total beside it).
 */
@Singleton
public final class Dashboard {
    private static final SqlStatements SQL = SqlStatements.load(Dashboard.class, "dashboard.sql");
    private static final String DASHBOARD = SQL.statement("dashboard");
    static final int SECTION_LIMIT = 20;

    private final ObjectMapper json;

    @Inject
    public Dashboard(ObjectMapper json) {
        this.json = json;
    }

    public JsonNode build(SqlExecutor sql) {
        String document = sql.querySingle(DASHBOARD, Params.of().put("sectionLimit", SECTION_LIMIT),
                r -> r.json("dashboard"));
        try {
            return json.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the dashboard is not JSON", e);
        }
    }
}
