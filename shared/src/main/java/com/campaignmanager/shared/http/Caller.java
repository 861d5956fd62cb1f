package com.campaignmanager.shared.http;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, from the JWT claims the API Gateway authorizer verified and passed on: {@code sub},
 * {@code email}, and roles from {@code cognito:groups} (or {@code roles}).
 */
public record Caller(String subject, String email, Set<Role> roles) {
    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static final Caller ANONYMOUS = new Caller(null, null, Set.of());

    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null) {
            return ANONYMOUS;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String claim : new String[] {"cognito:groups", "roles", "custom:roles"}) {
            String value = claims.get(claim);
            if (value != null) {
                for (String name : parseList(value)) {
                    Role.fromWireName(name).ifPresent(roles::add);
                }
            }
        }
        return new Caller(claims.get("sub"), claims.get("email"), roles);
    }

    /**
     * API Gateway passes a list claim as text: {@code [admin editor]}; other issuers give JSON
     * ({@code ["admin","editor"]}) or a comma list. All three are read.
     */
    static Iterable<String> parseList(String value) {
        String inner = value.trim();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[,\\s]+"))
                .map(s -> s.replace("\"", "").trim())
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public boolean isAuthenticated() {
        return subject != null;
    }

    public boolean has(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role);
    }

    /** Passes when the caller has any of {@code allowed} (admin always does); otherwise 401 or 403. */
    public void require(Role... allowed) {
        if (!isAuthenticated()) {
            throw ApiProblem.unauthorized();
        }
        for (Role role : allowed) {
            if (has(role)) {
                return;
            }
        }
        throw ApiProblem.forbidden("this needs the role " + String.join(" or ",
                Arrays.stream(allowed).map(Role::wireName).toList()));
    }

    /** Any member may read: a caller with at least one role. */
    public void requireReader() {
        require(Role.VIEWER, Role.EDITOR, Role.APPROVER);
    }
}
