package com.campaignmanager.functions.health;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.shared.db.DataAccessException;
import com.campaignmanager.shared.db.Params;
import java.util.Map;

/**
 * HealthFunction, {@code GET /health} (public): answers 200 when the database answers a query through the Data
 * API, 503 otherwise. Also the smallest real function, which is what the cold-start benchmark measures.
 */
public final class HealthHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final HealthComponent COMPONENT = HealthComponent.create();
    private static final Map<String, String> JSON = Map.of("content-type", "application/json",
            "cache-control", "no-store");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        boolean databaseUp;
        try {
            databaseUp = COMPONENT.database()
                    .query("SELECT 1 AS up", Params.of(), row -> row.longValue("up"))
                    .equals(java.util.List.of(1L));
        } catch (DataAccessException e) {
            if (context != null) {
                context.getLogger().log("health check: database unavailable: " + e.getMessage());
            }
            databaseUp = false;
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(databaseUp ? 200 : 503)
                .withHeaders(JSON)
                .withBody(databaseUp ? "{\"status\":\"ok\",\"database\":\"ok\"}"
                        : "{\"status\":\"degraded\",\"database\":\"unavailable\"}")
                .build();
    }
}
