package com.campaignmanager.shared.health;

/** {@code {"status": "ok"|"degraded", "database": {"status": "ok"|"unavailable", "latencyMs": n}, "version": "..."}}. */
public record HealthReport(String status, DatabaseStatus database, String version) {

    public record DatabaseStatus(String status, long latencyMs) {
    }

    public boolean healthy() {
        return "ok".equals(status);
    }
}
