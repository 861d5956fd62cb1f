package com.campaignmanager.local.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@link LocalJwtAuthorizer} decided for one request. */
public sealed interface AuthorizationResult permits AuthorizationResult.Authorized, AuthorizationResult.Unauthorized {

    default boolean isAuthorized() {
        return this instanceof Authorized;
    }

    /**
     * The token is valid; {@code claims} are what API Gateway puts at {@code requestContext.authorizer.jwt.claims}
     * (every value a string), in token order.
     */
    record Authorized(Map<String, String> claims) implements AuthorizationResult {
        public Authorized {
            claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        }
    }

    /**
     * The request gets API Gateway's 401 {@link LocalJwtAuthorizer#UNAUTHORIZED_BODY}; {@code reason} is only for
     * the runner's log (API Gateway tells the caller nothing more than its www-authenticate header).
     */
    record Unauthorized(String reason) implements AuthorizationResult {
    }
}
