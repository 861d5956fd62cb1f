package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.db.TimeKeyset;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A campaign's history in one ordered list (oldest first): audit trail, sends, preflight results and metric
 * milestones, each with its actor and its time in the campaign's zone.
 */
@Singleton
public final class CampaignTimeline {
    private static final SqlStatements SQL = SqlStatements.load(CampaignTimeline.class, "timeline.sql");
    private static final String PAGE_TIMELINE = SQL.statement("page-timeline");

    public record Entry(String id, OffsetDateTime at, String kind, String actor, String entityType, String entityId,
                        String subject, JsonNode data) {
    }

    private final ObjectMapper json;

    @Inject
    public CampaignTimeline(ObjectMapper json) {
        this.json = json;
    }

    public Page<Entry> page(SqlExecutor sql, UUID campaignId, ZoneId zone, List<String> after, int limit) {
        Params params = TimeKeyset.bind(Params.of("campaignId", campaignId), after);
        return sql.queryPage(PAGE_TIMELINE, params, limit, r -> {
            try {
                return new Entry(r.string("id"), r.instant("at").atZone(zone).toOffsetDateTime(), r.string("kind"),
                        r.string("actor"), r.string("entity_type"), r.string("entity_id"), r.string("subject"),
                        json.readTree(r.json("data")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("timeline data is not JSON", e);
            }
        }, e -> TimeKeyset.cursor(e.at().toInstant(), e.id()));
    }
}
