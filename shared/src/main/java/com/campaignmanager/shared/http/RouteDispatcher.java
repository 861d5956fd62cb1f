package com.campaignmanager.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.shared.db.BadRequestException;
import com.campaignmanager.shared.db.ConflictException;
import com.campaignmanager.shared.db.InvalidCursorException;
import com.campaignmanager.shared.db.NotFoundException;
import com.campaignmanager.shared.db.RetryableException;
import com.campaignmanager.shared.db.StatementTimeoutException;
import com.campaignmanager.shared.observability.Observability;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every API function does with a request: identify the caller, pick the route, run it, and turn whatever
 * it throws into a problem+json answer. Only a real fault is a 500, and it says no more than its request id: the
 * details go to the log.
 */
public final class RouteDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RouteDispatcher.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    private final Routes routes;
    private final ObjectMapper json;
    private final Observability observability;
    private final CallerDirectory callers;
    private final RolesClaim rolesClaim;

    public RouteDispatcher(Routes routes, ObjectMapper json, Observability observability, CallerDirectory callers) {
        this(routes, json, observability, callers, RolesClaim.DEFAULT);
    }

    public RouteDispatcher(Routes routes, ObjectMapper json, Observability observability, CallerDirectory callers,
                           RolesClaim rolesClaim) {
        this.rolesClaim = rolesClaim;
        this.routes = routes;
        this.json = json;
        this.observability = observability;
        this.callers = callers;
    }

    /** The route keys this dispatcher serves; any other key is answered 404 or 405. */
    public Set<String> routeKeys() {
        return routes.keys();
    }

    public APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event, Context context) {
        return observability.around(context, correlationId(event), () -> {
            APIGatewayV2HTTPResponse response = handle(event, context);
            observability.countResponse(response.getStatusCode());
            return response;
        });
    }

    /**
     * The same routing, caller check, JSON and problem mapping as {@link #dispatch}, but no telemetry: for SnapStart
     * priming, whose requests must not show up in the function's metrics.
     */
    public APIGatewayV2HTTPResponse prime(APIGatewayV2HTTPEvent event) {
        return handle(event, null);
    }

    /**
     * An answer written as {@link #dispatch} writes a route's answer (headers, JSON body), with no request: for
     * SnapStart priming of the function's response types, which a request answered before any SQL never reaches.
     */
    public APIGatewayV2HTTPResponse primeAnswer(ApiResponse answer) {
        return success(answer);
    }

    /**
     * A signed-in caller read from {@code claims}, with {@code groups} under this deployment's roles claim, as a
     * request's claims are read, with no lookup in the team: for SnapStart priming, whose requests carry no token.
     */
    public Caller primeCaller(Map<String, String> claims, String groups) {
        Map<String, String> all = new LinkedHashMap<>(claims);
        all.put(rolesClaim.name(), groups);
        return Caller.fromClaims(all, rolesClaim);
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = requestId(event, context);
        APIGatewayV2HTTPResponse response;
        try {
            Route route = routes.find(event.getRouteKey()).orElseThrow(() -> noRoute(event));
            Caller caller = Caller.fromClaims(claims(event), rolesClaim);
            // Public routes (no token) cost no lookup; a signed-in caller is matched to the team once per request.
            ApiRequest request = new ApiRequest(event, caller.isAuthenticated() ? callers.resolve(caller) : caller,
                    json, requestId);
            ApiResponse answer = route.handle(request);
            response = success(answer);
        } catch (ApiProblem problem) {
            response = problem(problem, event, requestId);
        } catch (RuntimeException e) {
            response = problem(translate(e, event), event, requestId);
        }
        return response;
    }

    private ApiProblem noRoute(APIGatewayV2HTTPEvent event) {
        List<String> methods = routes.methodsFor(event.getRouteKey(), event.getRawPath());
        if (!methods.isEmpty()) {
            return ApiProblem.methodNotAllowed("use " + String.join(", ", methods) + " on this path");
        }
        return ApiProblem.notFound("no route " + event.getRouteKey());
    }

    private ApiProblem translate(RuntimeException e, APIGatewayV2HTTPEvent event) {
        return translate(e, event.getRouteKey());
    }

    /**
     * What a fault of the data layer means for the caller, for every entry point (routes here, an assistant's tool
     * calls): a problem with its status; anything unforeseen is a 500 that says nothing more and is logged with
     * {@code where} it happened.
     */
    public static ApiProblem translate(RuntimeException e, String where) {
        if (e instanceof InvalidCursorException) {
            return ApiProblem.invalid("cursor", "is not a cursor this API returned");
        }
        if (e instanceof NotFoundException) {
            return ApiProblem.notFound("the requested resource does not exist");
        }
        if (e instanceof ConflictException conflict) {
            LOG.info("conflict on constraint {}", conflict.constraint());
            return ApiProblem.conflict("conflicts with an existing record (" + conflict.constraint() + ")");
        }
        if (e instanceof BadRequestException bad) {
            LOG.info("database refused values: sqlState={} constraint={}", bad.sqlState(), bad.constraint());
            return ApiProblem.unprocessable(bad.constraint() != null
                    ? "a value was refused by the rule " + bad.constraint()
                    : "a value was refused by the database");
        }
        if (e instanceof RetryableException retryable) {
            LOG.warn("database unavailable ({})", retryable.reason(), e);
            return ApiProblem.unavailable(retryable.reason() == RetryableException.Reason.OUTCOME_UNKNOWN
                    ? "the database did not confirm the change; check its state before retrying"
                    : "the database is temporarily unavailable; retry shortly");
        }
        if (e instanceof StatementTimeoutException) {
            LOG.warn("statement timeout", e);
            return ApiProblem.unavailable("the request took too long; retry shortly");
        }
        LOG.error("unhandled fault in {}", where, e);
        return new ApiProblem(500, "Internal Server Error", "an unexpected error occurred", List.of(), Map.of());
    }

    private APIGatewayV2HTTPResponse success(ApiResponse answer) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        String body = null;
        if (answer.body() instanceof TextBody text) {
            headers.putIfAbsent("content-type", text.contentType());
            body = text.text();
        } else if (answer.body() != null) {
            headers.putIfAbsent("content-type", "application/json");
            body = write(answer.body());
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(answer.status())
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    private APIGatewayV2HTTPResponse problem(ApiProblem problem, APIGatewayV2HTTPEvent event, String requestId) {
        Map<String, Object> body = problem.body();
        body.put("instance", event.getRawPath());
        body.put("requestId", requestId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", PROBLEM_JSON);
        if (problem.status() == 503) {
            headers.put("retry-after", "1");
        }
        if (problem.status() == 429 && body.get("retryAfterSeconds") != null) {
            headers.put("retry-after", String.valueOf(body.get("retryAfterSeconds")));
        }
        if (problem.status() == 401) {
            headers.put("www-authenticate", "Bearer");
        }
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(headers)
                .withBody(write(body))
                .withIsBase64Encoded(false)
                .build();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response is not serialisable", e);
        }
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        return claims == null ? Map.of() : claims;
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return context != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
    }

    private static String correlationId(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event.getHeaders();
        String header = headers == null ? null : headers.get("x-correlation-id");
        if (header != null && !header.isBlank() && header.length() <= 128) {
            return header;
        }
        return event.getRequestContext() != null ? event.getRequestContext().getRequestId() : null;
    }
}
