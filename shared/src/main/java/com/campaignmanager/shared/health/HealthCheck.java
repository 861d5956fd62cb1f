package com.campaignmanager.shared.health;

import com.campaignmanager.shared.db.DataAccessException;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Is the database answering through the Data API, and how fast. Used by HealthFunction and HealthMonitorFunction. */
@Singleton
public final class HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);
    private static final String VERSION = readVersion();

    private final Database database;

    @Inject
    public HealthCheck(Database database) {
        // A health check reports what it sees now; retrying for the length of a cluster resume would only hide it.
        this.database = database.withoutRetries();
    }

    public HealthReport check() {
        long started = System.nanoTime();
        boolean up;
        try {
            up = database.querySingle("SELECT 1 AS up", Params.of(), row -> row.longValue("up")) == 1L;
        } catch (DataAccessException e) {
            LOG.warn("health check: database unavailable: {}", e.getMessage());
            up = false;
        }
        long latencyMs = (System.nanoTime() - started) / 1_000_000;
        return new HealthReport(up ? "ok" : "degraded",
                new HealthReport.DatabaseStatus(up ? "ok" : "unavailable", latencyMs), VERSION);
    }

    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = HealthCheck.class.getResourceAsStream("/campaign-manager-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
