package com.campaignmanager.local.gateway;

import com.campaignmanager.local.auth.AuthorizationResult;
import com.campaignmanager.local.auth.LocalJwtAuthorizer;
import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.lambda.FunctionError;
import com.campaignmanager.local.lambda.InProcessFunctions;
import com.campaignmanager.local.template.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The template's {@code HttpApi} routes served as API Gateway (HTTP API, payload format 2.0) would: route
 * selection, the JWT authorizer, the event the function receives and how its response becomes the HTTP answer.
 * Also the runner's own routes under {@code /_local/}.
 */
public final class LocalHttpApi implements AutoCloseable {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final InProcessFunctions functions;
    private final LocalJwtAuthorizer authorizer;
    private final RouteTable routes;
    private final Function<String, Optional<byte[]>> scheduleFirer;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    /**
     * @param scheduleFirer fires one function's schedule now and returns its response, or empty for an unknown
     *                      function ({@code POST /_local/schedules/{FunctionLogicalId}})
     */
    public LocalHttpApi(InProcessFunctions functions, LocalJwtAuthorizer authorizer,
                        Function<String, Optional<byte[]>> scheduleFirer, String host, int port) throws IOException {
        this.functions = functions;
        this.authorizer = authorizer;
        this.routes = new RouteTable(functions.template().routes());
        this.scheduleFirer = scheduleFirer;
        LocalDataApi.disableNagle();
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/_local/")) {
                serveLocal(exchange, path);
            } else {
                serveRoute(exchange);
            }
        } catch (RuntimeException e) {
            System.err.println("local API: " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed: " + e);
            send(exchange, 500, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}");
        } finally {
            exchange.close();
        }
    }

    /**
     * The runner's own endpoints run any function with any event, without a token: they are for this machine's
     * user and tools, never for a web page the user happens to visit. A browser names the page's origin in every
     * cross-origin request it lets through, and without asking first it can only send bodies of a few types
     * (text/plain, forms): so a request with an Origin is refused, and a body must be declared JSON.
     */
    private void serveLocal(HttpExchange exchange, String path) throws IOException {
        if (exchange.getRequestHeaders().containsKey("Origin")) {
            sendProblem(exchange, 403, "Forbidden", "the /_local/ endpoints are for this machine's own user, not"
                    + " for web pages: a request with an Origin header is refused");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            sendProblem(exchange, 413, "Payload Too Large", "the body is over " + MAX_BODY_BYTES + " bytes");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null ? body.length > 0 : !isJson(contentType)) {
            sendProblem(exchange, 415, "Unsupported Media Type", "the /_local/ endpoints take a JSON body "
                    + "(Content-Type: application/json) or none; this request has "
                    + (contentType == null ? "a body without a Content-Type" : "Content-Type " + contentType));
            return;
        }
        String prefix = "/_local/schedules/";
        if (path.startsWith(prefix) && exchange.getRequestMethod().equals("POST")) {
            Optional<byte[]> result = scheduleFirer.apply(path.substring(prefix.length()));
            if (result.isEmpty()) {
                send(exchange, 404, Map.of("content-type", "application/json"),
                        "{\"message\":\"no scheduled function " + path.substring(prefix.length()).replace("\"", "") + "\"}");
            } else {
                sendBytes(exchange, 200, Map.of("content-type", "application/json"), result.get());
            }
            return;
        }
        String invokePrefix = "/_local/invoke/";
        if (path.startsWith(invokePrefix) && exchange.getRequestMethod().equals("POST")) {
            try {
                byte[] response = functions.invoke(path.substring(invokePrefix.length()), body);
                sendBytes(exchange, 200, Map.of("content-type", "application/json"), response);
            } catch (FunctionError e) {
                send(exchange, 200, Map.of("content-type", "application/json", "x-amz-function-error", "Unhandled"),
                        e.toJson());
            }
            return;
        }
        send(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
    }

    private void serveRoute(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Optional<RouteTable.Match> match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            send(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
            return;
        }
        HttpRoute route = match.get().route();
        Map<String, String> claims = null;
        if (route.authorized()) {
            AuthorizationResult result = authorizer.authorize(exchange.getRequestHeaders().getFirst("Authorization"));
            if (result instanceof AuthorizationResult.Unauthorized unauthorized) {
                System.err.println("local API: 401 for " + method + " " + rawPath + ": " + unauthorized.reason());
                send(exchange, LocalJwtAuthorizer.UNAUTHORIZED_STATUS,
                        Map.of("content-type", "application/json", "www-authenticate", "Bearer"),
                        LocalJwtAuthorizer.UNAUTHORIZED_BODY);
                return;
            }
            claims = ((AuthorizationResult.Authorized) result).claims();
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            send(exchange, 413, Map.of("content-type", "application/json"), "{\"message\":\"Request Entity Too Large\"}");
            return;
        }
        ObjectNode event = event(exchange, route, match.get().pathParameters(), claims, body);
        byte[] response;
        try {
            response = functions.invoke(route.functionLogicalId(), json.writeValueAsBytes(event));
        } catch (FunctionError e) {
            System.err.println("local API: " + route.functionLogicalId() + " failed: " + e.errorType() + ": " + e.getMessage());
            send(exchange, 500, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}");
            return;
        }
        respond(exchange, response);
    }

    /** The payload format 2.0 event API Gateway sends to the function. */
    ObjectNode event(HttpExchange exchange, HttpRoute route, Map<String, String> pathParameters,
                     Map<String, String> claims, byte[] body) {
        URI uri = exchange.getRequestURI();
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", uri.getRawQuery() == null ? "" : uri.getRawQuery());

        ObjectNode headers = event.putObject("headers");
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String line : header.getValue()) {
                    for (String cookie : line.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.put(name, String.join(",", header.getValue()));
            }
        }
        if (!headers.has("x-forwarded-proto")) {
            // API Gateway always tells the function how the client came in.
            headers.put("x-forwarded-proto", "http");
        }
        if (!cookies.isEmpty()) {
            ArrayNode cookieArray = event.putArray("cookies");
            cookies.forEach(cookieArray::add);
        }
        Map<String, String> query = queryParameters(uri.getRawQuery());
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode pathNode = event.putObject("pathParameters");
            pathParameters.forEach(pathNode::put);
        }

        Instant now = Instant.now();
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", exchange.getLocalAddress().getHostString());
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", exchange.getRequestMethod());
        http.put("path", uri.getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode claimNode = jwt.putObject("claims");
            claims.forEach(claimNode::put);
            jwt.putNull("scopes");
        }

        if (body.length > 0) {
            String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
            boolean text = isText(contentType);
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** application/json, or a JSON-based type such as application/problem+json, with any parameters. */
    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    /** API Gateway passes text bodies as they are and base64-encodes anything else. */
    static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.startsWith("application/x-www-form-urlencoded")
                || type.contains("charset=");
    }

    /** Repeated names are joined with commas, as API Gateway does in queryStringParameters. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The function's answer as API Gateway maps it: a {@code statusCode} object, or any JSON as a 200. */
    private void respond(HttpExchange exchange, byte[] response) throws IOException {
        JsonNode answer;
        try {
            answer = json.readTree(response);
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject() || !answer.has("statusCode")) {
            sendBytes(exchange, 200, Map.of("content-type", "application/json"), response);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        answer.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        Headers responseHeaders = exchange.getResponseHeaders();
        answer.path("multiValueHeaders").fields().forEachRemaining(h ->
                h.getValue().forEach(v -> responseHeaders.add(h.getKey(), v.asText())));
        answer.path("cookies").forEach(cookie -> responseHeaders.add("Set-Cookie", cookie.asText()));
        JsonNode bodyNode = answer.get("body");
        byte[] body = new byte[0];
        if (bodyNode != null && !bodyNode.isNull()) {
            body = answer.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(bodyNode.asText())
                    : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
        }
        sendBytes(exchange, answer.get("statusCode").asInt(), headers, body);
    }

    /** An RFC 9457 problem, as the functions answer theirs. */
    private void sendProblem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequestURI().getRawPath());
        sendBytes(exchange, status, Map.of("content-type", "application/problem+json"), json.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        sendBytes(exchange, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("apigw-requestid", UUID.randomUUID().toString());
        boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody || body.length == 0 ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
