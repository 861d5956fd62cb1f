package com.campaignmanager.functions.listmaintenance;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.audience.ListMaintenance;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.notifications.Audience;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.NotificationType;
import com.campaignmanager.shared.notifications.Notifications;
import com.campaignmanager.shared.observability.Observability;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ListMaintenanceFunction: weekly (EventBridge) upkeep of lists and contacts; reports as a log line and metrics. */
public final class ListMaintenanceHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ListMaintenanceHandler.class);
    private static final ListMaintenanceComponent COMPONENT = ListMaintenanceComponent.create();
    // Built when the class initialises, in Lambda's init phase: with SnapStart they are part of the snapshot.
    private static final JobRunner RUNNER = COMPONENT.jobRunner();
    private static final ListMaintenance MAINTENANCE = COMPONENT.maintenance();
    private static final Observability METRICS = COMPONENT.observability();
    private static final Notifications NOTIFICATIONS = COMPONENT.notifications();
    private static final Database DATABASE = COMPONENT.database();
    /** How long notifications are kept ({@code NOTIFICATION_RETENTION_DAYS}, default 180). */
    private static final int RETENTION_DAYS = (int) COMPONENT.retention().notifications().toDays();

    /** The invocation's answer: the lists' upkeep, and the notifications past their retention. */
    record Result(long contactsMerged, long membershipsMoved, long lists, long memberships, long erasedRecordsCleared,
                  long notificationsPurged) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RUNNER.run(input, output, context, () -> {
            ListMaintenance.Report report = MAINTENANCE.run();
            LOG.info("list maintenance: merged {} duplicate contacts ({} memberships moved), {} lists with {} "
                    + "memberships, cleared {} erased records", report.contactsMerged(), report.membershipsMoved(),
                    report.lists(), report.memberships(), report.erasedRecordsCleared());
            METRICS.count("ContactsMerged", report.contactsMerged());
            METRICS.count("ListMemberships", report.memberships());
            METRICS.count("ErasedRecordsCleared", report.erasedRecordsCleared());
            if (report.contactsMerged() + report.erasedRecordsCleared() > 0) {
                NOTIFICATIONS.publish(DATABASE, new Notice(NotificationType.LISTS_CLEANED,
                        "lists:maintenance:" + LocalDate.now(ZoneOffset.UTC), Notice.Severity.INFO, "Lists maintained",
                        report.contactsMerged() + " duplicate contact(s) merged (" + report.membershipsMoved()
                                + " membership(s) moved); " + report.erasedRecordsCleared()
                                + " erased record(s) cleared.", null, null,
                        Map.of("contactsMerged", report.contactsMerged(), "erasedRecordsCleared",
                                report.erasedRecordsCleared()), Audience.roles(Role.EDITOR)));
            }
            long purged = NOTIFICATIONS.purgeOlderThan(DATABASE, RETENTION_DAYS);
            METRICS.count("NotificationsPurged", purged);
            return new Result(report.contactsMerged(), report.membershipsMoved(), report.lists(), report.memberships(),
                    report.erasedRecordsCleared(), purged);
        });
    }
}
