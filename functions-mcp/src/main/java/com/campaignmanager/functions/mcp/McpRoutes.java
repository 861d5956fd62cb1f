package com.campaignmanager.functions.mcp;

import com.campaignmanager.shared.config.PublicApiUrl;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.http.TextBody;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * The MCP endpoint ({@code POST /mcp}, behind the JWT authorizer like every route; GET and DELETE answer 405: no
 * stream, no sessions) and the RFC 9728 metadata (public) that tells an MCP client where to sign in. Clients ask for
 * the metadata at the root well-known path and at the one suffixed with the endpoint's path; both are served.
 */
final class McpRoutes {
    static final String ENDPOINT = "/mcp";

    /** RFC 9728: the resource (the MCP endpoint), who issues its tokens, and how they are sent. */
    record ProtectedResource(String resource,
                             @JsonProperty("authorization_servers") List<String> authorizationServers,
                             @JsonProperty("bearer_methods_supported") List<String> bearerMethods,
                             @JsonProperty("resource_name") String name) {
    }

    private final GatewayTransport transport;
    private final McpSettings settings;
    private final PublicApiUrl publicApiUrl;
    private final ObjectMapper json;

    @Inject
    McpRoutes(GatewayTransport transport, McpSettings settings, PublicApiUrl publicApiUrl, ObjectMapper json) {
        this.transport = transport;
        this.settings = settings;
        this.publicApiUrl = publicApiUrl;
        this.json = json;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST " + ENDPOINT, transport::answer)
                .add("GET " + ENDPOINT, this::noStream)
                .add("DELETE " + ENDPOINT, this::noStream)
                .add("GET /.well-known/oauth-protected-resource", this::metadata)
                .add("GET /.well-known/oauth-protected-resource" + ENDPOINT, this::metadata);
    }

    /** Stateless: no stream for the server to send on (GET) and no session to end (DELETE). */
    private ApiResponse noStream(ApiRequest request) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Method Not Allowed");
        problem.put("status", 405);
        problem.put("detail", "this MCP server is stateless: POST each JSON-RPC message to " + ENDPOINT
                + "; it opens no stream and keeps no session");
        problem.put("instance", request.path());
        problem.put("requestId", request.requestId());
        try {
            return new ApiResponse(405, new TextBody("application/problem+json", json.writeValueAsString(problem)),
                    Map.of("allow", "POST"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiResponse metadata(ApiRequest request) {
        String base = publicApiUrl.forRequest(request.gatewayDomain());
        return new ApiResponse(200, new ProtectedResource(base + ENDPOINT, List.of(settings.issuer()),
                List.of("header"), "campaign-manager"), Map.of("cache-control", "max-age=3600"));
    }
}
