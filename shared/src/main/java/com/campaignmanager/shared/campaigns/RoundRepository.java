package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.CreatedAtKeyset;
import com.campaignmanager.shared.db.Cursor;
import com.campaignmanager.shared.db.InvalidCursorException;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.db.StoredText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

@Singleton
public final class RoundRepository {
    static final SqlStatements SQL = SqlStatements.load(RoundRepository.class, "rounds.sql");
    private static final String INSERT_ROUND = SQL.statement("insert-round");
    private static final String SET_ROUND_LISTS = SQL.statement("set-round-lists");
    private static final String FIND_MISSING_LISTS = SQL.statement("find-missing-lists");
    private static final String FIND_ROUND = SQL.statement("find-round");
    private static final String LOCK_ROUND = SQL.statement("lock-round");
    private static final String LOCK_CAMPAIGN_ROUNDS = SQL.statement("lock-campaign-rounds");
    private static final String LOCK_ROUNDS_USING_LIST = SQL.statement("lock-rounds-using-list");
    private static final String EXCLUDE_FROM_APPROVAL = SQL.statement("exclude-from-approval");
    private static final String TOUCH_ROUND = SQL.statement("touch-round");
    private static final String PAGE_CAMPAIGN_ROUNDS = SQL.statement("page-campaign-rounds");
    private static final String UPDATE_ROUND_CONTENT = SQL.statement("update-round-content");
    private static final String TRANSITION_ROUND = SQL.statement("transition-round");
    private static final String SEND_NOW = SQL.statement("send-now");
    private static final String COUNT_OVERDUE_ROUNDS = SQL.statement("count-overdue-rounds");
    private static final String PAGE_DELIVERIES = SQL.statement("page-deliveries");
    private static final String FIND_SENDS = SQL.statement("find-sends");
    private static final String DECIDE_LAUNCHED_ROUND = SQL.statement("decide-launched-round");
    private static final String STOP_ROUND = SQL.statement("stop-round");
    private static final String COPY_ROUNDS = SQL.statement("copy-rounds");
    private static final String LOCK_ROUNDS_USING_TEMPLATE = SQL.statement("lock-rounds-using-template");
    private static final String SET_ROUND_CONDITIONS = SQL.statement("set-round-conditions");
    private static final String COPY_SEGMENT_CONDITIONS = SQL.statement("copy-segment-conditions");
    private static final String SET_ROUND_EXCLUDED_LISTS = SQL.statement("set-round-excluded-lists");
    private static final String LOCK_ROUNDS_USING_SEGMENT = SQL.statement("lock-rounds-using-segment");

    /**
     * What a transition or an edit needs to know about a round it has locked. {@code launched}: a worker has claimed
     * it (it started sending), so its recipients are its ledger.
     */
    public record Locked(UUID id, UUID campaignId, RoundStatus status, String submittedBy, Instant scheduledAt,
                         boolean inFuture, int version, List<String> approvalExcluded, boolean launched) {
    }

    /** The editable content of a round; {@code templateId}: the template its bodies fill (null for none). */
    public record Content(String name, String subject, String htmlBody, String textBody, Instant scheduledAt,
                          UUID templateId) {
    }

    private final ObjectMapper json;

    @Inject
    public RoundRepository(ObjectMapper json) {
        this.json = json;
    }

    public UUID create(SqlExecutor sql, UUID campaignId, Content content, List<UUID> listIds, String actor) {
        UUID id = sql.querySingle(INSERT_ROUND, Params.of("campaignId", campaignId)
                .put("name", content.name()).put("subject", content.subject()).put("htmlBody", content.htmlBody())
                .put("textBody", content.textBody()).put("scheduledAt", content.scheduledAt())
                .put("templateId", content.templateId()).put("createdBy", actor), r -> r.uuid("id"));
        setLists(sql, id, listIds);
        return id;
    }

    public void setLists(SqlExecutor sql, UUID roundId, List<UUID> listIds) {
        sql.update(SET_ROUND_LISTS, Params.of("roundId", roundId).putList("listIds", listIds));
    }

    /** Ids among {@code listIds} that name no list. */
    public List<String> missingLists(SqlExecutor sql, List<UUID> listIds) {
        return sql.query(FIND_MISSING_LISTS, Params.of().putList("listIds", listIds),
                r -> r.string("list_id"));
    }

    public Optional<Round> find(SqlExecutor sql, UUID roundId) {
        return sql.queryOptional(FIND_ROUND, Params.of("roundId", roundId), this::map);
    }

    public Optional<Locked> lock(SqlExecutor sql, UUID roundId) {
        return sql.queryOptional(LOCK_ROUND, Params.of("roundId", roundId),
                r -> new Locked(r.uuid("id"), r.uuid("campaign_id"), StoredText.of(RoundStatus.class, r.string("status")), r.string("submitted_by"),
                        r.instant("scheduled_at"), Boolean.TRUE.equals(r.bool("in_future")), r.intValue("version"),
                        strings(r.json("approval_excluded")), Boolean.TRUE.equals(r.bool("launched"))));
    }

    /**
     * A round and its status, as locked with the others of its campaign or of a list; {@code launched}: a worker
     * has claimed it.
     */
    public record LockedStatus(UUID id, RoundStatus status, boolean launched) {
        /** Started sending and not ended: sending, paused, or changed while paused and waiting for approval. */
        public boolean underway() {
            return status == RoundStatus.SENDING || status == RoundStatus.PAUSED
                    || (launched && status == RoundStatus.PENDING_APPROVAL);
        }
    }

    public List<LockedStatus> lockCampaignRounds(SqlExecutor sql, UUID campaignId) {
        return sql.query(LOCK_CAMPAIGN_ROUNDS, Params.of("campaignId", campaignId),
                r -> new LockedStatus(r.uuid("id"), StoredText.of(RoundStatus.class, r.string("status")),
                        Boolean.TRUE.equals(r.bool("launched"))));
    }

    /**
     * Rounds waiting for approval, approved, sending or paused to this list, locked: while there are any, the list
     * stays.
     */
    public List<LockedStatus> lockActiveUsingList(SqlExecutor sql, UUID listId) {
        return sql.query(LOCK_ROUNDS_USING_LIST, Params.of("listId", listId),
                r -> new LockedStatus(r.uuid("id"), StoredText.of(RoundStatus.class, r.string("status")),
                        Boolean.TRUE.equals(r.bool("launched"))));
    }

    /** The rounds not yet finished that name this template, locked. */
    public List<LockedStatus> lockUsingTemplate(SqlExecutor sql, UUID templateId) {
        return sql.query(LOCK_ROUNDS_USING_TEMPLATE, Params.of("templateId", templateId),
                r -> new LockedStatus(r.uuid("id"), StoredText.of(RoundStatus.class, r.string("status")),
                        Boolean.TRUE.equals(r.bool("launched"))));
    }

    /** These identities may not approve the round (they submitted it or changed it while it waited). */
    public void excludeFromApproval(SqlExecutor sql, UUID roundId, java.util.Collection<String> identities) {
        sql.update(EXCLUDE_FROM_APPROVAL, Params.of("roundId", roundId)
                .putList("identities", List.copyOf(identities)));
    }

    /** A new version without a change of its own (its campaign's sender changed). */
    public void touch(SqlExecutor sql, UUID roundId) {
        sql.update(TOUCH_ROUND, Params.of("roundId", roundId));
    }

    private List<String> strings(String jsonArray) {
        try {
            return jsonArray == null ? List.of() : List.of(json.readValue(jsonArray, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON array of strings", e);
        }
    }

    public Page<Round> page(SqlExecutor sql, UUID campaignId, List<String> after, int limit) {
        return sql.queryPage(PAGE_CAMPAIGN_ROUNDS,
                CreatedAtKeyset.bind(Params.of("campaignId", campaignId), after), limit, this::map,
                r -> CreatedAtKeyset.cursor(r.createdAt(), r.id()));
    }

    public void updateContent(SqlExecutor sql, UUID roundId, Content content) {
        sql.update(UPDATE_ROUND_CONTENT, Params.of("roundId", roundId).put("name", content.name())
                .put("subject", content.subject()).put("htmlBody", content.htmlBody())
                .put("textBody", content.textBody()).put("scheduledAt", content.scheduledAt())
                .put("templateId", content.templateId()));
    }

    /** Compare-and-set from {@code from} to {@code to}; false when the round was not in {@code from}. */
    public boolean transition(SqlExecutor sql, UUID roundId, RoundStatus from, RoundStatus to, String actor,
                              String reason) {
        return sql.update(TRANSITION_ROUND, Params.of("roundId", roundId).put("fromStatus", from)
                .put("toStatus", to).put("actor", actor).put("reason", reason)) == 1;
    }

    /**
     * A decision on a launched round waiting for approval: back to paused, approved (it may be resumed) or rejected
     * with {@code reason}; false when it was not such a round.
     */
    public boolean decideLaunched(SqlExecutor sql, UUID roundId, boolean approved, String actor, String reason) {
        return sql.update(DECIDE_LAUNCHED_ROUND, Params.of("roundId", roundId).put("approved", approved)
                .put("actor", actor).put("reason", reason)) == 1;
    }

    /** Compare-and-set from {@code from} to stopped, by {@code actor} for {@code reason}. */
    public boolean stop(SqlExecutor sql, UUID roundId, RoundStatus from, String actor, String reason) {
        return sql.update(STOP_ROUND, Params.of("roundId", roundId).put("fromStatus", from).put("actor", actor)
                .put("reason", reason)) == 1;
    }

    /** A source round and its copy. */
    public record Copy(UUID sourceId, UUID copyId) {
    }

    /**
     * Drafts in {@code campaignId} copied from one round ({@code roundId}) or from every round of
     * {@code sourceCampaignId}: message and lists, no time; {@code name} replaces the name when given.
     */
    public List<Copy> copy(SqlExecutor sql, UUID roundId, UUID sourceCampaignId, UUID campaignId, String name,
                           String actor) {
        return sql.query(COPY_ROUNDS, Params.of("roundId", roundId).put("sourceCampaignId", sourceCampaignId)
                        .put("campaignId", campaignId).put("name", name).put("createdBy", actor),
                r -> new Copy(r.uuid("source_id"), r.uuid("copy_id")));
    }

    /** Makes a scheduled round due now (trigger manual); false when it is not scheduled. */
    public boolean sendNow(SqlExecutor sql, UUID roundId) {
        return sql.update(SEND_NOW, Params.of("roundId", roundId)) == 1;
    }

    /**
     * Rounds that should be going out but are not: approved and due for more than 5 minutes, or sending with a
     * lease that expired more than 5 minutes ago (no worker took them up).
     */
    public long countOverdue(SqlExecutor sql) {
        return sql.querySingle(COUNT_OVERDUE_ROUNDS, Params.of(),
                r -> r.longValue("not_launched") + r.longValue("stalled"));
    }

    /** One row of a round's ledger. */
    public record Delivery(UUID id, UUID contactId, String email, DeliveryStatus status, String providerMessageId,
                           int attempts, String lastError, Instant sentAt) {
    }

    public Page<Delivery> deliveries(SqlExecutor sql, UUID roundId, DeliveryStatus status, List<String> after, int limit) {
        UUID afterId;
        try {
            afterId = after == null ? null : UUID.fromString(after.get(0));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
        return sql.queryPage(PAGE_DELIVERIES, Params.of("roundId", roundId).put("status", status)
                        .put("afterId", afterId), limit,
                r -> new Delivery(r.uuid("id"), r.uuid("contact_id"), r.string("email"),
                        StoredText.of(DeliveryStatus.class, r.string("status")),
                        r.string("provider_message_id"), r.intValue("attempts"), r.string("last_error"),
                        r.instant("sent_at")),
                d -> Cursor.encode(d.id().toString()));
    }

    /** "What went out when": one item per round launched in [from, to). */
    public record Send(UUID roundId, String roundName, UUID campaignId, String campaignName, String trigger,
                       String actor, Instant launchedAt, Instant completedAt, int recipients, int sent, int failed,
                       String status) {
    }

    public Page<Send> sends(SqlExecutor sql, Instant from, Instant to, List<String> after, int limit) {
        Params params = Params.of().put("from", from).put("to", to);
        try {
            params.put("afterLaunchedAt", after == null ? null : Cursor.instant(after.get(0)))
                    .put("afterId", after == null ? null : UUID.fromString(after.get(1)));
        } catch (RuntimeException e) {
            throw new InvalidCursorException();
        }
        return sql.queryPage(FIND_SENDS, params, limit,
                r -> new Send(r.uuid("round_id"), r.string("round_name"), r.uuid("campaign_id"),
                        r.string("campaign_name"), r.string("trigger"), r.string("actor"), r.instant("launched_at"),
                        r.instant("completed_at"), r.intValue("recipients"), r.intValue("sent"), r.intValue("failed"),
                        r.string("status")),
                s -> Cursor.encode(s.launchedAt().toString(), s.roundId().toString()));
    }

    private Round.Audience audience(Row r) {
        try {
            String conditions = r.json("conditions");
            return new Round.Audience(conditions == null ? null : json.readTree(conditions),
                    List.of(json.readValue(r.json("excluded_list_ids"), UUID[].class)), r.uuid("segment_id"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("round audience is not JSON", e);
        }
    }

    /** Sets the round's own conditions (null: everyone on its lists), no longer tied to a segment. */
    public void setConditions(SqlExecutor sql, UUID roundId, String conditionsJson) {
        sql.update(SET_ROUND_CONDITIONS, Params.of("roundId", roundId).putJson("conditions", conditionsJson));
    }

    /** Copies the segment's conditions onto the round and ties it to the segment; false when there is no segment. */
    public boolean copySegment(SqlExecutor sql, UUID roundId, UUID segmentId) {
        return sql.update(COPY_SEGMENT_CONDITIONS, Params.of("roundId", roundId).put("segmentId", segmentId)) == 1;
    }

    public void setExcludedLists(SqlExecutor sql, UUID roundId, List<UUID> listIds) {
        sql.update(SET_ROUND_EXCLUDED_LISTS, Params.of("roundId", roundId).putList("listIds", listIds));
    }

    /** Rounds copying their conditions from the segment that have not started sending (any status), locked. */
    public List<LockedStatus> lockUsingSegment(SqlExecutor sql, UUID segmentId) {
        return sql.query(LOCK_ROUNDS_USING_SEGMENT, Params.of("segmentId", segmentId),
                r -> new LockedStatus(r.uuid("id"), StoredText.of(RoundStatus.class, r.string("status")),
                        Boolean.TRUE.equals(r.bool("launched"))));
    }

    private Round map(Row r) {
        List<UUID> listIds;
        try {
            listIds = List.of(json.readValue(r.json("list_ids"), UUID[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("round lists are not a JSON array", e);
        }
        Instant scheduled = r.instant("scheduled_at");
        OffsetDateTime scheduledAt = scheduled == null ? null
                : scheduled.atZone(ZoneId.of(r.string("timezone"))).toOffsetDateTime();
        return new Round(r.uuid("id"), r.uuid("campaign_id"), r.string("name"),
                new Round.Message(r.string("subject"), r.string("html_body"), r.string("text_body"), listIds,
                        scheduledAt, r.uuid("template_id")),
                StoredText.of(RoundStatus.class, r.string("status")),
                new Round.Counts(r.intValue("recipients"), r.intValue("sent"), r.intValue("failed"),
                        r.intValue("skipped")),
                new Round.Approval(r.string("submitted_by"), r.instant("submitted_at"), r.string("approved_by"),
                        r.instant("approved_at"), r.intValue("approved_version"), r.string("rejection_reason"),
                        r.intValue("approved_template_version")),
                new Round.Lifecycle(r.instant("launched_at"), r.instant("completed_at"),
                        r.isNull("trigger") ? null : StoredText.of(RoundTrigger.class, r.string("trigger")),
                        r.string("failure_reason"), r.string("stopped_by"), r.string("stop_reason")),
                r.string("created_by"), r.instant("created_at"), r.instant("updated_at"), r.intValue("version"),
                audience(r));
    }
}
