package com.campaignmanager.functions.healthmonitor;

import com.campaignmanager.shared.campaigns.RoundRepository;
import com.campaignmanager.shared.db.DataAccessException;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.health.HealthCheck;
import com.campaignmanager.shared.health.HealthReport;
import com.campaignmanager.shared.observability.Observability;
import java.util.OptionalLong;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health check on a schedule, so that an outage is noticed without anyone calling /health, plus work that
 * is overdue: scheduled runs that were dead-lettered. The result goes out as metrics (DatabaseDown,
 * DatabaseLatencyMs, DeadLetteredJobs; alarms watch them) and one log line.
 */
final class HealthMonitorJob {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitorJob.class);

    /** What one run found; {@code deadLetteredJobs} is null when the queue is not configured or unreadable. */
    record MonitorReport(String status, HealthReport.DatabaseStatus database, String version, Long deadLetteredJobs,
                         Long overdueRounds) {
    }

    private final HealthCheck healthCheck;
    private final DeadLetterQueue deadLetters;
    private final Observability observability;
    private final Database database;
    private final RoundRepository rounds;

    @Inject
    HealthMonitorJob(HealthCheck healthCheck, DeadLetterQueue deadLetters, Observability observability,
                     Database database, RoundRepository rounds) {
        this.rounds = rounds;
        this.healthCheck = healthCheck;
        this.deadLetters = deadLetters;
        this.observability = observability;
        this.database = database.withoutRetries();
    }

    MonitorReport run() {
        HealthReport health = healthCheck.check();
        OptionalLong deadLettered = deadLetters.depth();
        Long overdueRounds = health.healthy() ? overdueRounds() : null;
        if (overdueRounds != null) {
            observability.count("OverdueRounds", overdueRounds);
        }
        observability.count("DatabaseDown", health.healthy() ? 0 : 1);
        observability.measureMillis("DatabaseLatencyMs", health.database().latencyMs());
        deadLettered.ifPresent(n -> observability.count("DeadLetteredJobs", n));
        String overdue = (deadLettered.isPresent() && deadLettered.getAsLong() > 0
                ? deadLettered.getAsLong() + " dead-lettered job run(s) need attention" : "no dead-lettered job runs")
                + (overdueRounds != null && overdueRounds > 0 ? "; " + overdueRounds + " round(s) overdue" : "");
        if (health.healthy()) {
            LOG.info("health: ok, database answered in {} ms; {}", health.database().latencyMs(), overdue);
        } else {
            LOG.error("health: DEGRADED, database unavailable after {} ms; {}", health.database().latencyMs(), overdue);
        }
        return new MonitorReport(health.status(), health.database(), health.version(),
                deadLettered.isPresent() ? deadLettered.getAsLong() : null, overdueRounds);
    }

    private Long overdueRounds() {
        try {
            return rounds.countOverdue(database);
        } catch (DataAccessException e) {
            LOG.warn("could not count overdue rounds: {}", e.getMessage());
            return null;
        }
    }
}
