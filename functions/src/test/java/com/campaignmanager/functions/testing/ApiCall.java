package com.campaignmanager.functions.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The payload 2.0 event API Gateway sends for a route, handed to a handler: either built for a route key (path
 * parameters bound from the path, the authorizer's claims for a caller), or a sample event of events/ read through
 * Lambda's own serializer ({@link EventLoader}), so that the file reaches the handler exactly as on AWS, with the
 * test's few adaptations (caller, body, query, headers) laid over it.
 */
public final class ApiCall {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    /** The events/ file this call starts from; null for an event built from the route key. */
    private final String sample;
    private final String routeKey;
    /** The path with the test's values; null for a sample, whose own path stays. */
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private final Set<String> removedHeaders = new HashSet<>();
    private String body;
    private Map<String, String> claims;
    private boolean replaceClaims;

    private ApiCall(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String sample,
                    String routeKey, String path) {
        this.handler = handler;
        this.sample = sample;
        this.routeKey = routeKey;
        this.path = path;
    }

    public static ApiCall to(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String routeKey,
                             Object... pathValues) {
        return new ApiCall(handler, null, routeKey, bind(routeKey, pathValues));
    }

    /**
     * The sample event {@code file} (e.g. {@code events/campaigns/create-campaign.json}) as the handler would get it
     * on AWS. Samples have no path parameters: SampleEventsTest runs each one on an empty database, where an id in a
     * path would find nothing.
     */
    public static ApiCall from(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String file) {
        return new ApiCall(handler, file, null, null);
    }

    /** A sample event of events/ through Lambda's serializer, as the runtime deserialises it. */
    public static APIGatewayV2HTTPEvent load(String file) {
        return EventLoader.loadApiGatewayHttpEvent(file);
    }

    /**
     * The caller, as the JWT authorizer passes it: {@code cognito:groups} as {@code [a b]}. Over a sample, the
     * token's other claims (issuer, audience, expiry …) stay.
     */
    public ApiCall as(String subject, String... roles) {
        claims = Map.of("sub", subject, "email", subject + "@example.com", "email_verified", "true",
                "cognito:groups", "[" + String.join(" ", roles) + "]");
        replaceClaims = false;
        return this;
    }

    /** The caller with exactly these claims, as API Gateway passes them (every value a string). */
    public ApiCall withClaims(Map<String, String> claims) {
        this.claims = Map.copyOf(claims);
        replaceClaims = true;
        return this;
    }

    public ApiCall header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        removedHeaders.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Without this header, though the sample has it. */
    public ApiCall withoutHeader(String name) {
        headers.remove(name.toLowerCase(Locale.ROOT));
        removedHeaders.add(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** A query parameter, added to (or replacing one of) the sample's. */
    public ApiCall query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public ApiCall json(Object value) {
        try {
            body = value instanceof String text ? text : JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        headers.put("content-type", "application/json");
        return this;
    }

    public ApiCall body(String contentType, String text) {
        body = text;
        headers.put("content-type", contentType);
        return this;
    }

    public Response send() {
        return new Response(handler.handleRequest(sample == null ? built() : adapted(), null));
    }

    private APIGatewayV2HTTPEvent built() {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = claims == null ? null
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                .build();
        Map<String, String> pathParameters = pathParameters(routeKey, path);
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withHeaders(headers)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("test-" + System.nanoTime()).withAuthorizer(authorizer).build())
                .build();
    }

    /** The sample, read afresh, with only what this call changes. */
    private APIGatewayV2HTTPEvent adapted() {
        APIGatewayV2HTTPEvent event = load(sample);
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (claims != null) {
            Map<String, String> merged = new HashMap<>();
            boolean hasToken = context.getAuthorizer() != null && context.getAuthorizer().getJwt() != null
                    && context.getAuthorizer().getJwt().getClaims() != null;
            if (hasToken && !replaceClaims) {
                merged.putAll(context.getAuthorizer().getJwt().getClaims());
            }
            merged.putAll(claims);
            context.setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(merged).build())
                    .build());
        }
        if (!headers.isEmpty() || !removedHeaders.isEmpty()) {
            Map<String, String> all = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
            all.putAll(headers);
            all.keySet().removeAll(removedHeaders);
            event.setHeaders(all);
        }
        if (!query.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>(
                    event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters());
            all.putAll(query);
            event.setQueryStringParameters(all);
            event.setRawQueryString(all.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
        }
        if (body != null) {
            event.setBody(body);
            event.setIsBase64Encoded(false);
        }
        return event;
    }

    private static String bind(String routeKey, Object... pathValues) {
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        StringBuilder path = new StringBuilder();
        Matcher matcher = VARIABLE.matcher(template);
        int i = 0;
        while (matcher.find()) {
            if (i == pathValues.length) {
                throw new IllegalArgumentException("no value for " + matcher.group() + " of " + routeKey);
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(pathValues[i++])));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static Map<String, String> pathParameters(String routeKey, String path) {
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> pathParameters = new HashMap<>();
        String[] names = template.split("/");
        String[] values = path.split("/");
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith("{")) {
                pathParameters.put(names[i].substring(1, names[i].length() - 1), values[i]);
            }
        }
        return pathParameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record Response(APIGatewayV2HTTPResponse raw) {
        public int status() {
            return raw.getStatusCode();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.getBody());
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + raw.getBody(), e);
            }
        }

        @Override
        public String toString() {
            return raw.getStatusCode() + " " + raw.getBody();
        }
    }
}
