package com.campaignmanager.local.dataapi;

import com.campaignmanager.local.dataapi.http.JsonExchange;
import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * Fault injection for callers that are not in this JVM: {@code POST /_local/faults}
 * {@code {"error":"ServiceUnavailableError","count":2,"operation":null,"afterExecution":false}} and
 * {@code DELETE /_local/faults}.
 */
final class FaultsAdminRoute implements HttpHandler {
    static final String PATH = "/_local/faults";

    private final FaultInjector faults;
    private final ObjectMapper json;

    FaultsAdminRoute(FaultInjector faults, ObjectMapper json) {
        this.faults = faults;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange httpExchange) throws IOException {
        JsonExchange exchange = new JsonExchange(httpExchange, json);
        try {
            if (!PATH.equals(exchange.path())) {
                throw new DataApiException("NotFoundException", 404, "No route " + exchange.path());
            }
            switch (exchange.method()) {
                case "POST":
                    add(exchange.readBody());
                    exchange.respond(200, Map.of("status", "fault added"));
                    break;
                case "DELETE":
                    faults.clear();
                    exchange.respond(200, Map.of("status", "faults cleared"));
                    break;
                default:
                    throw new DataApiException("MethodNotAllowedException", 405, "Use POST or DELETE");
            }
        } catch (DataApiException e) {
            exchange.respondError(e);
        } finally {
            httpExchange.close();
        }
    }

    private void add(JsonNode body) {
        String error = body.path("error").asText("");
        DataApiFault fault = DataApiFault.fromName(error).orElseThrow(() -> DataApiException.badRequest(
                "Unknown error \"" + error + "\"; expected one of DatabaseResumingException, ServiceUnavailableError, "
                        + "DatabaseUnavailableException, StatementTimeoutException, ThrottlingException"));
        int count = body.path("count").asInt(1);
        String operation = body.hasNonNull("operation") ? body.get("operation").asText() : null;
        try {
            faults.failNext(count, fault, operation, body.path("afterExecution").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw DataApiException.badRequest(e.getMessage());
        }
    }
}
