package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.Audience;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.NotificationDispatcher;
import com.campaignmanager.shared.notifications.NotificationType;
import com.campaignmanager.shared.notifications.Notifications;
import com.campaignmanager.shared.notifications.ZonedTimes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Every five minutes: round reminders (24 h and 1 h before), launched / completed / failed notices, overdue
 * tasks, then the outbound deliveries that are due. Every notice has its key, so a run repeated, overlapping or
 * retried tells no one twice. It reads the rounds and never changes them.
 */
public final class RoundReminders {
    private static final SqlStatements SQL = SqlStatements.load(RoundReminders.class, "round_reminders.sql");
    private static final String DUE_ROUND_NOTICES = SQL.statement("due-round-notices");
    private static final String OVERDUE_TASKS = SQL.statement("overdue-tasks");

    public record Result(int notices, NotificationDispatcher.Report deliveries) {
    }

    private record RoundEvent(String kind, String dedupKey, UUID roundId, String name, UUID campaignId,
                              String campaignName, String timezone, Instant scheduledAt, String trigger,
                              int recipients, int sent, int failed, int skipped, String failureReason,
                              String submittedBy, String createdBy, String approvedBy, JsonNode failureDetail) {
    }

    private record OverdueTask(UUID id, String title, Instant dueAt, UUID assigneeId, String createdBy,
                               UUID campaignId, String campaignName, String timezone, String dedupKey) {
    }

    private final Database database;
    private final Notifications notifications;
    private final NotificationDispatcher dispatcher;
    private final ObjectMapper json;

    @Inject
    public RoundReminders(Database database, Notifications notifications, NotificationDispatcher dispatcher,
                      ObjectMapper json) {
        this.database = database;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.json = json;
    }

    public Result run() {
        int published = 0;
        for (RoundEvent event : database.query(DUE_ROUND_NOTICES, Params.of(), this::roundEvent)) {
            if (notifications.publish(database, notice(event)).isPresent()) {
                published++;
            }
        }
        for (OverdueTask task : database.query(OVERDUE_TASKS, Params.of(), RoundReminders::task)) {
            if (notifications.publish(database, notice(task)).isPresent()) {
                published++;
            }
        }
        return new Result(published, dispatcher.deliverDue());
    }

    private static Notice notice(RoundEvent e) {
        String when = ZonedTimes.format(e.scheduledAt(), e.timezone());
        String what = "\"" + e.name() + "\" (" + e.campaignName() + ")";
        Audience team = Audience.roles(Role.EDITOR, Role.APPROVER).and(Audience.person(e.submittedBy()))
                .and(Audience.person(e.createdBy()));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("roundId", e.roundId());
        detail.put("campaignId", e.campaignId());
        detail.put("scheduledAt", String.valueOf(e.scheduledAt()));
        return switch (e.kind()) {
            case "reminder-24h", "reminder-1h" -> {
                String lead = e.kind().endsWith("24h") ? "24 hours" : "1 hour";
                detail.put("lead", e.kind().substring("reminder-".length()));
                yield new Notice(NotificationType.ROUND_REMINDER, e.dedupKey(), Notice.Severity.INFO,
                        "In " + lead + ": " + e.name(), what + " goes out " + when + ", approved by "
                        + e.approvedBy() + ".", "round", e.roundId().toString(), detail, team);
            }
            case "launched" -> new Notice(NotificationType.ROUND_LAUNCHED, e.dedupKey(), Notice.Severity.INFO,
                    "Sending: " + e.name(), what + " started sending (" + e.trigger() + ").", "round",
                    e.roundId().toString(), detail, team);
            case "completed" -> {
                detail.put("counts", Map.of("recipients", e.recipients(), "sent", e.sent(), "failed", e.failed(),
                        "skipped", e.skipped()));
                yield new Notice(NotificationType.ROUND_COMPLETED, e.dedupKey(), Notice.Severity.INFO,
                        "Sent: " + e.name(), what + " was sent to " + e.sent() + " of " + e.recipients()
                        + " recipients (" + e.failed() + " failed, " + e.skipped() + " skipped).", "round",
                        e.roundId().toString(), detail, team);
            }
            default -> RoundNotices.failed(new RoundNotices.Failure(e.roundId(), e.name(), e.campaignId(),
                    e.campaignName(), e.failureReason(),
                    e.failureDetail() == null ? null : e.failureDetail().get("preflight"), e.sent(), e.recipients(),
                    e.submittedBy(), e.createdBy()));
        };
    }

    private static Notice notice(OverdueTask t) {
        return new Notice(NotificationType.TASK_OVERDUE, t.dedupKey(), Notice.Severity.WARNING,
                "Overdue: " + t.title(), "Due " + ZonedTimes.format(t.dueAt(), t.timezone()) + " for "
                + t.campaignName() + ".", "task", t.id().toString(),
                Map.of("taskId", t.id(), "campaignId", t.campaignId()), Audience.member(t.assigneeId()));
    }

    private RoundEvent roundEvent(com.campaignmanager.shared.db.Row r) {
        JsonNode failure = null;
        if (!r.isNull("failure_detail")) {
            try {
                failure = json.readTree(r.json("failure_detail"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("audit detail is not JSON", e);
            }
        }
        return new RoundEvent(r.string("kind"), r.string("dedup_key"), r.uuid("id"), r.string("name"),
                r.uuid("campaign_id"), r.string("campaign_name"), r.string("timezone"), r.instant("scheduled_at"),
                r.string("trigger"), r.intValue("recipients"), r.intValue("sent"), r.intValue("failed"),
                r.intValue("skipped"), r.string("failure_reason"), r.string("submitted_by"), r.string("created_by"),
                r.string("approved_by"), failure);
    }

    private static OverdueTask task(com.campaignmanager.shared.db.Row r) {
        return new OverdueTask(r.uuid("id"), r.string("title"), r.instant("due_at"), r.uuid("assignee_id"),
                r.string("created_by"), r.uuid("campaign_id"), r.string("campaign_name"), r.string("timezone"),
                r.string("dedup_key"));
    }
}
