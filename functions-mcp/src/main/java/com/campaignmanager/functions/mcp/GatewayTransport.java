package com.campaignmanager.functions.mcp;

import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.TextBody;
import com.campaignmanager.shared.json.RequestJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * MCP's Streamable HTTP transport for one API Gateway request, stateless: each POST carries one JSON-RPC message,
 * a request is answered with one {@code application/json} response, a notification (or a response) with 202 and no
 * body (there is nothing to update on one: no session, no stream). What the SDK's own servlet transport checks, checked here too: the Accept header,
 * the protocol version header, the Origin (against the front end's), and that the body is one message.
 */
final class GatewayTransport implements McpStatelessServerTransport {
    /** Where a tool finds who calls: the {@link Acting} of this request. */
    static final String ACTING = "campaign-manager.acting";
    /** The API Gateway domain the request came on, for the links a tool renders (preview_round). */
    static final String GATEWAY_DOMAIN = "campaign-manager.gateway-domain";
    /** Oldest first: {@code initialize} answers the client's version if listed here, else the last (newest). */
    static final List<String> PROTOCOL_VERSIONS = List.of(ProtocolVersions.MCP_2025_03_26,
            ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    private static final Logger LOG = LoggerFactory.getLogger(GatewayTransport.class);
    private static final String JSON = "application/json";

    private final ObjectMapper json;
    private final McpSettings settings;
    private McpStatelessServerHandler handler;

    /** {@code json}: the protocol's mapper (tolerant of fields a newer client adds), not the API's strict one. */
    GatewayTransport(ObjectMapper json, McpSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    @Override
    public List<String> protocolVersions() {
        return PROTOCOL_VERSIONS;
    }

    /** {@code POST /mcp}: one JSON-RPC message in, its answer out. */
    ApiResponse answer(ApiRequest request) {
        Optional<String> origin = request.header("origin");
        if (origin.isPresent() && !settings.allowsOrigin(origin.get())) {
            // A browser page on another site (DNS rebinding): never act for it, whatever token it carries.
            return error(403, ErrorCodes.INVALID_REQUEST, "requests from the origin " + origin.get()
                    + " are not accepted; only the app's own origin is");
        }
        String accept = request.header("accept").orElse("").toLowerCase(Locale.ROOT);
        if (!accepts(accept, JSON) || !accepts(accept, "text/event-stream")) {
            return error(400, ErrorCodes.INVALID_REQUEST,
                    "the Accept header must list both application/json and text/event-stream");
        }
        Optional<String> version = request.header("mcp-protocol-version").map(String::strip);
        if (version.isPresent() && !PROTOCOL_VERSIONS.contains(version.get())) {
            return error(400, ErrorCodes.INVALID_REQUEST, "MCP-Protocol-Version " + version.get()
                    + " is not supported; this server speaks " + String.join(", ", PROTOCOL_VERSIONS));
        }
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith(JSON)) {
            return error(415, ErrorCodes.INVALID_REQUEST, "send the message as application/json");
        }
        JsonNode message;
        try {
            message = RequestJson.parse(json, request.bodyText());
        } catch (RequestJson.MalformedJsonException e) {
            return e.field() == null ? error(400, ErrorCodes.PARSE_ERROR, e.getMessage())
                    : error(400, ErrorCodes.INVALID_REQUEST, e.field() + ": " + e.getMessage());
        }
        if (message.isArray()) {
            return error(400, ErrorCodes.INVALID_REQUEST, "send one JSON-RPC message per request: batches are not"
                    + " supported (MCP removed them in 2025-06-18)");
        }
        if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").textValue())) {
            return error(400, ErrorCodes.INVALID_REQUEST, "the body must be one JSON-RPC 2.0 message (an object"
                    + " with \"jsonrpc\": \"2.0\")");
        }
        JsonNode method = message.get("method");
        JsonNode id = message.get("id");
        if (method == null) {
            // A client's response (to a request this server never sends) or its error: accepted, nothing to do.
            return id != null && (message.has("result") || message.has("error")) ? accepted()
                    : error(400, ErrorCodes.INVALID_REQUEST, "a JSON-RPC message needs a method (or is a response)");
        }
        if (!method.isTextual()) {
            return error(400, ErrorCodes.INVALID_REQUEST, "method must be a string");
        }
        JsonNode params = message.get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
            return error(400, ErrorCodes.INVALID_REQUEST, "params must be an object");
        }
        if (id == null) {
            // A notification (initialized, cancelled, roots changed): a stateless server keeps nothing to update.
            return accepted();
        }
        Object paramsValue = params == null || params.isNull() ? null : json.convertValue(params, Map.class);
        Optional<Object> requestId = requestId(id);
        if (requestId.isEmpty()) {
            return error(400, ErrorCodes.INVALID_REQUEST, "id must be a string or an integer");
        }
        McpTransportContext context = McpTransportContext.create(Map.of(ACTING,
                Acting.throughMcp(request.caller(), request.requestId()), GATEWAY_DOMAIN,
                request.gatewayDomain()));
        Optional<String> invalid = invalidParams(method.textValue(), params);
        McpSchema.JSONRPCResponse response = invalid.isPresent()
                ? McpSchema.JSONRPCResponse.error(requestId.get(), new McpSchema.JSONRPCResponse.JSONRPCError(
                        ErrorCodes.INVALID_PARAMS, invalid.get()))
                : handler.handleRequest(context, new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION,
                        method.textValue(), requestId.get(), paramsValue)).block();
        return ok(withoutInternals(response, request.requestId()));
    }

    /**
     * What the SDK would otherwise answer with an internal error that quotes an exception: the params of the
     * methods that read named fields must have them.
     */
    private static Optional<String> invalidParams(String method, JsonNode params) {
        return switch (method) {
            case McpSchema.METHOD_INITIALIZE -> params == null || !params.path("protocolVersion").isTextual()
                    || !params.path("capabilities").isObject() || !params.path("clientInfo").isObject()
                    ? Optional.of("initialize needs protocolVersion (a string), capabilities and clientInfo")
                    : Optional.empty();
            case McpSchema.METHOD_TOOLS_CALL -> params == null || !params.path("name").isTextual()
                    ? Optional.of("tools/call needs the name of the tool")
                    : params.has("arguments") && !params.get("arguments").isObject()
                    ? Optional.of("arguments must be an object") : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** An internal error says no more than the request id: its cause is in the log. */
    private static McpSchema.JSONRPCResponse withoutInternals(McpSchema.JSONRPCResponse response, String requestId) {
        if (response.error() == null || response.error().code() != ErrorCodes.INTERNAL_ERROR) {
            return response;
        }
        LOG.error("internal error answering request {}: {}", requestId, response.error().message());
        return McpSchema.JSONRPCResponse.error(response.id(), new McpSchema.JSONRPCResponse.JSONRPCError(
                ErrorCodes.INTERNAL_ERROR, "an unexpected error occurred (request " + requestId + ")"));
    }

    private static Optional<Object> requestId(JsonNode id) {
        if (id.isTextual()) {
            return Optional.of(id.textValue());
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return Optional.of(id.longValue());
        }
        return Optional.empty();
    }

    /** Whether an Accept header lists {@code type} (or a range that covers it). */
    static boolean accepts(String accept, String type) {
        String range = type.substring(0, type.indexOf('/')) + "/*";
        for (String item : accept.split(",")) {
            String listed = item.split(";", 2)[0].strip();
            if (listed.equals(type) || listed.equals(range) || listed.equals("*/*")) {
                return true;
            }
        }
        return false;
    }

    private ApiResponse ok(McpSchema.JSONRPCResponse response) {
        return new ApiResponse(200, new TextBody(JSON, write(response)), Map.of());
    }

    private static ApiResponse accepted() {
        return new ApiResponse(202, null, Map.of());
    }

    /** A JSON-RPC error without an id: the message could not be read as a request. */
    private ApiResponse error(int status, int code, String message) {
        ObjectNode body = json.createObjectNode().put("jsonrpc", McpSchema.JSONRPC_VERSION).putNull("id");
        body.putObject("error").put("code", code).put("message", message);
        return new ApiResponse(status, new TextBody(JSON, write(body)), Map.of());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a JSON-RPC answer is not serialisable", e);
        }
    }
}
