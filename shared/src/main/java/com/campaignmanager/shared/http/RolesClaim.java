package com.campaignmanager.shared.http;

import com.campaignmanager.shared.config.Environment;

/**
 * The one token claim that roles are read from: {@code cognito:groups}, which only the user pool's admins set.
 * Claims users can write themselves ({@code custom:*}, {@code roles}) are trusted only when a deployment names one
 * here on purpose ({@code ROLES_CLAIM}), e.g. for an issuer that is not Cognito.
 */
public record RolesClaim(String name) {
    public static final String VARIABLE = "ROLES_CLAIM";
    public static final RolesClaim DEFAULT = new RolesClaim("cognito:groups");

    public RolesClaim {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(VARIABLE + " must name a claim");
        }
    }

    public static RolesClaim from(Environment environment) {
        return environment.optional(VARIABLE).map(RolesClaim::new).orElse(DEFAULT);
    }
}
