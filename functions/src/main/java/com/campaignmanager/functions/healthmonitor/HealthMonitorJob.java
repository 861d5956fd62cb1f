package com.campaignmanager.functions.healthmonitor;

import com.campaignmanager.shared.health.HealthCheck;
import com.campaignmanager.shared.health.HealthReport;
import com.campaignmanager.shared.observability.Observability;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health check on a schedule, so that an outage is noticed without anyone calling /health: the result goes
 * out as metrics (DatabaseDown, DatabaseLatencyMs; an alarm watches DatabaseDown) and one log line.
 */
final class HealthMonitorJob {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitorJob.class);

    private final HealthCheck healthCheck;
    private final Observability observability;

    @Inject
    HealthMonitorJob(HealthCheck healthCheck, Observability observability) {
        this.healthCheck = healthCheck;
        this.observability = observability;
    }

    HealthReport run() {
        HealthReport report = healthCheck.check();
        observability.count("DatabaseDown", report.healthy() ? 0 : 1);
        observability.measureMillis("DatabaseLatencyMs", report.database().latencyMs());
        if (report.healthy()) {
            LOG.info("health: ok, database answered in {} ms", report.database().latencyMs());
        } else {
            LOG.error("health: DEGRADED, database unavailable after {} ms", report.database().latencyMs());
        }
        return report;
    }
}
