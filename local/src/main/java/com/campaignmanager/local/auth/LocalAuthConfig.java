package com.campaignmanager.local.auth;

/**
 * What the local JWT authorizer is configured with, like the {@code Issuer} and {@code Audience} of the
 * API Gateway HTTP API JWT authorizer in the deployed stack.
 */
public record LocalAuthConfig(String issuer, String audience) {
    public static final String DEFAULT_ISSUER = "https://campaign-manager.local/issuer";
    public static final String DEFAULT_AUDIENCE = "campaign-manager";

    public LocalAuthConfig {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("audience must not be blank");
        }
    }

    public static LocalAuthConfig defaults() {
        return new LocalAuthConfig(DEFAULT_ISSUER, DEFAULT_AUDIENCE);
    }
}
