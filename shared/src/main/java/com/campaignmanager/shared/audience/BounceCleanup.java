package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.Audience;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.NotificationType;
import com.campaignmanager.shared.notifications.Notifications;
import com.campaignmanager.shared.observability.Observability;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly cleanup: applies provider events a failed webhook request left unapplied, the soft-bounce rule over
 * every address with recent soft bounces, then removes suppressed contacts from all lists (contacts and history
 * kept, each removal audited), and tells the editors what it did. Set-based: a fixed number of Data API calls
 * however much there is to do, and a second run finds nothing left.
 */
@Singleton
public final class BounceCleanup {
    public static final String ACTOR = "job:bounce-cleanup";
    /** Longer than a webhook request can take: younger unapplied events may still be in a request's hands. */
    static final Duration STALE_AFTER = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(BounceCleanup.class);

    /** What a run did. */
    public record Report(long softBounceSuppressed, long membershipsRemoved) {
    }

    private final Database database;
    private final ProviderEventApplier applier;
    private final SoftBounceRule softBounces;
    private final SuppressedMemberships memberships;
    private final Observability observability;
    private final Notifications notifications;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public BounceCleanup(Database database, ProviderEventApplier applier, SoftBounceRule softBounces,
                         SuppressedMemberships memberships, Observability observability, Notifications notifications) {
        this.database = database;
        this.applier = applier;
        this.softBounces = softBounces;
        this.memberships = memberships;
        this.observability = observability;
        this.notifications = notifications;
    }

    public Report run() {
        ProviderEventApplier.Outcome leftOver = applier.applyStale(clock.instant().minus(STALE_AFTER));
        long softBounceSuppressed = leftOver.softBounceSuppressed() + softBounces.applyToAll(database);
        // After the rule, so that addresses it suppressed leave their lists in this same run.
        long removed = memberships.removeAll(database, ACTOR);

        observability.count("SoftBounceSuppressed", softBounceSuppressed);
        observability.count("MembershipsRemoved", removed);
        observability.count("StaleProviderEventsApplied", leftOver.claimed());
        LOG.info("bounce cleanup: {} address(es) suppressed for soft bounces, {} list membership(s) of suppressed "
                + "contacts removed, {} stale provider event(s) applied", softBounceSuppressed, removed,
                leftOver.claimed());
        if (softBounceSuppressed + removed > 0) {
            // One notice per night's results: a retried or repeated run the same day says nothing new.
            notifications.publish(database, new Notice(NotificationType.LISTS_CLEANED,
                    "lists:bounce-cleanup:" + LocalDate.now(clock), Notice.Severity.INFO, "Lists cleaned",
                    softBounceSuppressed + " address(es) suppressed for repeated soft bounces; " + removed
                            + " list membership(s) of suppressed contacts removed.", null, null,
                    Map.of("softBounceSuppressed", softBounceSuppressed, "membershipsRemoved", removed),
                    Audience.roles(Role.EDITOR)));
        }
        return new Report(softBounceSuppressed, removed);
    }
}
