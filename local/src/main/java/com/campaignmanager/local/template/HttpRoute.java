package com.campaignmanager.local.template;

import java.util.Locale;

/**
 * An {@code HttpApi} event: method ({@code ANY} matches all), path template ({@code /rounds/{roundId}},
 * {@code /files/{proxy+}}), and whether the JWT authorizer guards it ({@code Auth: Authorizer: NONE} opts out).
 */
public record HttpRoute(String functionLogicalId, String method, String path, boolean authorized) {

    public String routeKey() {
        return method + " " + path;
    }

    public boolean matchesMethod(String requestMethod) {
        return method.equals("ANY") || method.equals(requestMethod.toUpperCase(Locale.ROOT));
    }
}
