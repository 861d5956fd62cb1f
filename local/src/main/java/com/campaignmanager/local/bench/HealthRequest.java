package com.campaignmanager.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.RetryPolicy;
import com.campaignmanager.shared.health.HealthCheck;
import com.campaignmanager.shared.health.HealthReport;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.CallerDirectory;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.observability.Observability;
import java.util.Map;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * What HealthFunction's component wires, with the SDK client given from outside: so that the comparison variants
 * do exactly the handler's work and differ only in how the client is built.
 */
final class HealthRequest {
    private HealthRequest() {
    }

    static void answer(RdsDataClient client, DatabaseSettings settings) {
        HealthCheck check = new HealthCheck(new Database(client, settings, RetryPolicy.standard()));
        RouteDispatcher dispatcher = new RouteDispatcher(Routes.builder()
                .add("GET /health", request -> {
                    HealthReport report = check.check();
                    return new ApiResponse(report.healthy() ? 200 : 503, report, Map.of("cache-control", "no-store"));
                })
                .build(), JsonMapper.create(), new Observability(), CallerDirectory.tokenOnly());
        int status = dispatcher.dispatch(APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /health").withRawPath("/health").build(), null).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("health answered " + status);
        }
    }
}
