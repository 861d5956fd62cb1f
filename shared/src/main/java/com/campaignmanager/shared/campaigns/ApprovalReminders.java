package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.Audience;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.NotificationDispatcher;
import com.campaignmanager.shared.notifications.NotificationType;
import com.campaignmanager.shared.notifications.Notifications;
import com.campaignmanager.shared.notifications.ZonedTimes;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Hourly: reminds approvers of rounds waiting longer than {@code APPROVAL_REMINDER_HOURS} (default 4; again each
 * further period), and warns loudly — critical, to approvers, editors and whoever submitted or created it — about
 * rounds due within 24 hours that are not approved, because they will not go out. Then delivers what is due.
 */
public final class ApprovalReminders {
    private static final SqlStatements SQL = SqlStatements.load(ApprovalReminders.class, "approval_reminders.sql");
    private static final String DUE_APPROVAL_NOTICES = SQL.statement("due-approval-notices");

    public record Result(int notices, NotificationDispatcher.Report deliveries) {
    }

    private record Waiting(String kind, String dedupKey, UUID roundId, String name, String status, UUID campaignId,
                           String campaignName, String timezone, Instant scheduledAt, String submittedBy,
                           Instant submittedAt, String createdBy, Long waitedSeconds) {
    }

    private final Database database;
    private final Notifications notifications;
    private final NotificationDispatcher dispatcher;
    private final int overdueHours;

    @Inject
    public ApprovalReminders(Database database, Notifications notifications, NotificationDispatcher dispatcher,
                             ApprovalReminderSettings settings) {
        this.database = database;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.overdueHours = settings.hours();
    }

    public Result run() {
        int published = 0;
        for (Waiting waiting : database.query(DUE_APPROVAL_NOTICES,
                Params.of().put("overdueHours", overdueHours), ApprovalReminders::waiting)) {
            if (notifications.publish(database, notice(waiting)).isPresent()) {
                published++;
            }
        }
        return new Result(published, dispatcher.deliverDue());
    }

    private static Notice notice(Waiting w) {
        String when = ZonedTimes.format(w.scheduledAt(), w.timezone());
        Map<String, Object> detail = Map.of("roundId", w.roundId(), "campaignId", w.campaignId(), "status", w.status(),
                "scheduledAt", String.valueOf(w.scheduledAt()));
        if (w.kind().equals("overdue")) {
            long hours = w.waitedSeconds() / 3600;
            return new Notice(NotificationType.APPROVAL_OVERDUE, w.dedupKey(), Notice.Severity.WARNING,
                    "Waiting " + hours + " h for approval: " + w.name(),
                    "\"" + w.name() + "\" (" + w.campaignName() + ") was submitted by " + w.submittedBy() + " "
                            + hours + " hours ago and is scheduled for " + when + ".",
                    "round", w.roundId().toString(), detail, Audience.roles(Role.APPROVER).excluding(w.submittedBy()));
        }
        return new Notice(NotificationType.ROUND_NOT_APPROVED, w.dedupKey(), Notice.Severity.CRITICAL,
                "Will NOT go out: " + w.name() + " is not approved",
                "\"" + w.name() + "\" (" + w.campaignName() + ") is scheduled for " + when + " but is still "
                        + w.status().replace('_', ' ') + ". Unless it is approved before then, it will not be sent.",
                "round", w.roundId().toString(), detail,
                Audience.roles(Role.APPROVER, Role.EDITOR).and(Audience.person(w.submittedBy()))
                        .and(Audience.person(w.createdBy())));
    }

    private static Waiting waiting(Row r) {
        return new Waiting(r.string("kind"), r.string("dedup_key"), r.uuid("id"), r.string("name"), r.string("status"),
                r.uuid("campaign_id"), r.string("campaign_name"), r.string("timezone"), r.instant("scheduled_at"),
                r.string("submitted_by"), r.instant("submitted_at"), r.string("created_by"),
                r.longValue("waited_seconds"));
    }
}
