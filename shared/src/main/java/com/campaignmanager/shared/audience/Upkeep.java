package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.Audience;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.NotificationType;
import com.campaignmanager.shared.notifications.Notifications;
import com.campaignmanager.shared.observability.Observability;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly upkeep: {@link ListMaintenance} of lists and contacts, told to the editors when it merged or cleared
 * anything, then the notifications past their retention forgotten.
 */
@Singleton
public final class Upkeep {
    private static final Logger LOG = LoggerFactory.getLogger(Upkeep.class);

    /** What a run did: the lists' upkeep, and the notifications past their retention. */
    public record Result(long contactsMerged, long membershipsMoved, long lists, long memberships,
                         long erasedRecordsCleared, long notificationsPurged) {
    }

    private final Database database;
    private final ListMaintenance maintenance;
    private final Notifications notifications;
    private final Observability observability;

    @Inject
    public Upkeep(Database database, ListMaintenance maintenance, Notifications notifications,
                  Observability observability) {
        this.database = database;
        this.maintenance = maintenance;
        this.notifications = notifications;
        this.observability = observability;
    }

    /** {@code notificationRetentionDays}: how long notifications are kept. */
    public Result run(int notificationRetentionDays) {
        ListMaintenance.Report report = maintenance.run();
        LOG.info("list maintenance: merged {} duplicate contacts ({} memberships moved), {} lists with {} "
                + "memberships, cleared {} erased records", report.contactsMerged(), report.membershipsMoved(),
                report.lists(), report.memberships(), report.erasedRecordsCleared());
        observability.count("ContactsMerged", report.contactsMerged());
        observability.count("ListMemberships", report.memberships());
        observability.count("ErasedRecordsCleared", report.erasedRecordsCleared());
        if (report.contactsMerged() + report.erasedRecordsCleared() > 0) {
            // One notice a day: a retried run says nothing new.
            notifications.publish(database, new Notice(NotificationType.LISTS_CLEANED,
                    "lists:maintenance:" + LocalDate.now(ZoneOffset.UTC), Notice.Severity.INFO, "Lists maintained",
                    report.contactsMerged() + " duplicate contact(s) merged (" + report.membershipsMoved()
                            + " membership(s) moved); " + report.erasedRecordsCleared()
                            + " erased record(s) cleared.", null, null,
                    Map.of("contactsMerged", report.contactsMerged(), "erasedRecordsCleared",
                            report.erasedRecordsCleared()), Audience.roles(Role.EDITOR)));
        }
        long purged = notifications.purgeOlderThan(database, notificationRetentionDays);
        observability.count("NotificationsPurged", purged);
        return new Result(report.contactsMerged(), report.membershipsMoved(), report.lists(), report.memberships(),
                report.erasedRecordsCleared(), purged);
    }
}
