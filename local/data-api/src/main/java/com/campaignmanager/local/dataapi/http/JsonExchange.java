package com.campaignmanager.local.dataapi.http;

import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Reading JSON requests and writing JSON answers the way AWS services do: every response carries
 * {@code x-amzn-RequestId}; errors carry {@code x-amzn-ErrorType} and a {@code {"__type","message"}} body, which is
 * what the SDK reads to pick its exception class.
 */
public final class JsonExchange {
    /** The service's documented request limit. */
    public static final int REQUEST_LIMIT_BYTES = 4 * 1024 * 1024;

    private final HttpExchange exchange;
    private final ObjectMapper json;
    private final String requestId = UUID.randomUUID().toString();

    public JsonExchange(HttpExchange exchange, ObjectMapper json) {
        this.exchange = exchange;
        this.json = json;
    }

    public String path() {
        return exchange.getRequestURI().getPath();
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    /** The request body as JSON; an empty body reads as {}. */
    public JsonNode readBody() throws IOException {
        byte[] body = readBounded(exchange.getRequestBody());
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw DataApiException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(REQUEST_LIMIT_BYTES + 1);
        if (body.length > REQUEST_LIMIT_BYTES) {
            in.transferTo(OutputStream.nullOutputStream()); // read it all so the connection stays usable
            throw DataApiException.badRequest("Request size exceeds the 4 MiB limit of the Data API");
        }
        return body;
    }

    public void respond(int status, Object body) throws IOException {
        send(status, json.writeValueAsBytes(body));
    }

    public void respondError(DataApiException error) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("__type", error.errorType());
        body.put("message", error.getMessage());
        if (error.dbConnectionId() != null) {
            body.put("dbConnectionId", error.dbConnectionId());
        }
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.errorType());
        send(error.httpStatus(), json.writeValueAsBytes(body));
    }

    private void send(int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
