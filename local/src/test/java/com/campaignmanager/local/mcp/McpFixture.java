package com.campaignmanager.local.mcp;

import com.campaignmanager.local.auth.LocalAuthConfig;
import com.campaignmanager.local.auth.LocalSigningKey;
import com.campaignmanager.local.auth.LocalTokenIssuer;
import com.campaignmanager.local.auth.TokenRequest;
import com.campaignmanager.local.serve.LocalRunnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Tokens from the runner's signing key, MCP clients (the official SDK's) and plain API calls, for the MCP tests. */
final class McpFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private McpFixture() {
    }

    static String token(String subject, String... roles) {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(LocalRunnerFixture.dataDir());
        return new LocalTokenIssuer(key, LocalAuthConfig.defaults()).issue(new TokenRequest(subject,
                subject + "@example.com", true, List.of(roles), Duration.ofHours(1)));
    }

    /** An initialized client of the SDK, over Streamable HTTP, that sends the caller's token. */
    static McpSyncClient client(String token) {
        URI base = LocalRunnerFixture.running().endpoint();
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base.toString())
                .endpoint("/mcp").jsonMapper(mapper)
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
                .clientInfo(new McpSchema.Implementation("campaign-manager-tests", "1.0"))
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(new ObjectMapper()))
                .build();
        client.initialize();
        return client;
    }

    /** A call of the HTTP API, for what the tests set up around the tools; the answer's body (null for none). */
    static JsonNode api(String token, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(LocalRunnerFixture.running().endpoint().resolve(path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fires a schedule of the runner now (the launch job), as its scheduler would. */
    static JsonNode fire(String function) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(LocalRunnerFixture.running().endpoint()
                    .resolve("/_local/schedules/" + function)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
