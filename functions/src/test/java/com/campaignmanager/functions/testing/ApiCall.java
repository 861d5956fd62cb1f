package com.campaignmanager.functions.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the payload 2.0 event API Gateway would send for a route (path parameters bound from the path, the
 * authorizer's claims for a caller) and hands it to a handler.
 */
public final class ApiCall {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private final String routeKey;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private String body;
    private Map<String, String> claims;

    private ApiCall(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String routeKey,
                    Object... pathValues) {
        this.handler = handler;
        this.routeKey = routeKey;
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        StringBuilder path = new StringBuilder();
        Matcher matcher = VARIABLE.matcher(template);
        int i = 0;
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(String.valueOf(pathValues[i++])));
        }
        matcher.appendTail(path);
        this.path = path.toString();
    }

    public static ApiCall to(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String routeKey,
                             Object... pathValues) {
        return new ApiCall(handler, routeKey, pathValues);
    }

    /** The caller, as the JWT authorizer passes it: {@code cognito:groups} as {@code [a b]}. */
    public ApiCall as(String subject, String... roles) {
        claims = Map.of("sub", subject, "email", subject + "@example.com", "email_verified", "true",
                "cognito:groups", "[" + String.join(" ", roles) + "]");
        return this;
    }

    /** The caller with exactly these claims, as API Gateway passes them (every value a string). */
    public ApiCall withClaims(Map<String, String> claims) {
        this.claims = Map.copyOf(claims);
        return this;
    }

    public ApiCall header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

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
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> pathParameters = new HashMap<>();
        String[] names = template.split("/");
        String[] values = path.split("/");
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith("{")) {
                pathParameters.put(names[i].substring(1, names[i].length() - 1), values[i]);
            }
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = claims == null ? null
                : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                .build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withHeaders(headers)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("test-" + System.nanoTime()).withAuthorizer(authorizer).build())
                .build();
        return new Response(handler.handleRequest(event, null));
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
