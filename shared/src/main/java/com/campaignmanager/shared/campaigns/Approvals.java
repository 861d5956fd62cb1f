package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.db.TimeKeyset;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * {@code GET /approvals}: rounds waiting for a decision (longest waiting first) or the decisions taken (newest
 * first), each with who submitted, when it is due, how long it waited, and its last preflight.
 */
@Singleton
public final class Approvals {
    private static final SqlStatements SQL = SqlStatements.load(Approvals.class, "approvals.sql");
    private static final String PAGE_PENDING = SQL.statement("page-pending");
    private static final String PAGE_DECIDED = SQL.statement("page-decided");

    public record PreflightSummary(boolean ready, long fails, long warnings, Instant checkedAt) {
    }

    public record Approval(UUID roundId, String roundName, String status, UUID campaignId, String campaignName,
                           OffsetDateTime scheduledAt, String submittedBy, Instant submittedAt, Long waitedSeconds,
                           PreflightSummary preflight, String decision, String decidedBy, Instant decidedAt,
                           String reason) {
    }

    private record Positioned(Approval approval, Instant at, String id) {
    }

    private final ObjectMapper json;

    @Inject
    public Approvals(ObjectMapper json) {
        this.json = json;
    }

    public Page<Approval> page(SqlExecutor sql, boolean decided, List<String> after, int limit) {
        Params params = TimeKeyset.bind(Params.of(), after);
        Page<Positioned> page = sql.queryPage(decided ? PAGE_DECIDED : PAGE_PENDING, params, limit,
                this::map, p -> TimeKeyset.cursor(p.at(), p.id()));
        return new Page<>(page.items().stream().map(Positioned::approval).toList(), page.nextCursor());
    }

    private Positioned map(Row r) {
        ZoneId zone = ZoneId.of(r.string("timezone"));
        Instant scheduled = r.instant("scheduled_at");
        PreflightSummary preflight = null;
        if (!r.isNull("preflight")) {
            try {
                JsonNode result = json.readTree(r.json("preflight"));
                long fails = 0;
                long warnings = 0;
                for (JsonNode item : result.path("items")) {
                    fails += item.path("status").asText().equals("fail") ? 1 : 0;
                    warnings += item.path("status").asText().equals("warn") ? 1 : 0;
                }
                preflight = new PreflightSummary(result.path("ready").asBoolean(), fails, warnings,
                        r.instant("preflight_at"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored preflight is not JSON", e);
            }
        }
        Approval approval = new Approval(r.uuid("id"), r.string("name"), r.string("status"), r.uuid("campaign_id"),
                r.string("campaign_name"), scheduled == null ? null : scheduled.atZone(zone).toOffsetDateTime(),
                r.string("submitted_by"), r.instant("submitted_at"), r.longValue("waited_seconds"), preflight,
                r.string("decision"), r.string("decided_by"), r.instant("decided_at"), r.string("reason"));
        return new Positioned(approval, r.instant("position_at"), r.string("position_id"));
    }
}
