package com.campaignmanager.local.auth;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Who a local token is for. {@code email} may be null (the claim is then left out); {@code emailVerified} becomes
 * Cognito's {@code email_verified} claim (only a verified address can find a team member that no subject claimed
 * yet); {@code roles} become the {@code cognito:groups} claim; a null {@code ttl} means {@link #DEFAULT_TTL}.
 */
public record TokenRequest(String subject, String email, boolean emailVerified, List<String> roles, Duration ttl) {
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);

    /** A token whose address, when given, is verified. */
    public TokenRequest(String subject, String email, List<String> roles, Duration ttl) {
        this(subject, email, true, roles, ttl);
    }

    public TokenRequest {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
        if (email != null && email.isBlank()) {
            throw new IllegalArgumentException("email must not be blank when given");
        }
        roles = roles == null ? List.of() : List.copyOf(new LinkedHashSet<>(roles));
        if (roles.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("roles must not be blank");
        }
        ttl = ttl == null ? DEFAULT_TTL : ttl;
        if (ttl.isNegative() || ttl.isZero() || ttl.toSeconds() == 0) {
            throw new IllegalArgumentException("ttl must be at least one second, was " + ttl);
        }
    }
}
