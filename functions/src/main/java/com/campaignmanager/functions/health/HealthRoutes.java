package com.campaignmanager.functions.health;

import com.campaignmanager.shared.health.HealthCheck;
import com.campaignmanager.shared.health.HealthReport;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Routes;
import java.util.Map;
import javax.inject.Inject;

final class HealthRoutes {
    private final HealthCheck healthCheck;

    @Inject
    HealthRoutes(HealthCheck healthCheck) {
        this.healthCheck = healthCheck;
    }

    Routes routes() {
        return Routes.builder()
                .add("GET /health", this::health)
                .build();
    }

    /** Public: no token needed. 200 when the database answers, 503 otherwise; never cached. */
    private ApiResponse health(ApiRequest request) {
        HealthReport report = healthCheck.check();
        return new ApiResponse(report.healthy() ? 200 : 503, report, Map.of("cache-control", "no-store"));
    }
}
