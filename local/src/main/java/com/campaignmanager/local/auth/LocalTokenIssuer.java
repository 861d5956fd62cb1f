package com.campaignmanager.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/**
 * Issues tokens shaped like Cognito ID tokens ({@code token_use: "id"}, groups in {@code cognito:groups}),
 * RS256-signed with the local key and carrying its {@code kid}, so {@link LocalJwtAuthorizer} accepts them.
 */
public final class LocalTokenIssuer {
    public static final String EMAIL_CLAIM = "email";
    public static final String EMAIL_VERIFIED_CLAIM = "email_verified";
    public static final String GROUPS_CLAIM = "cognito:groups";
    public static final String TOKEN_USE_CLAIM = "token_use";

    private final LocalSigningKey signingKey;
    private final LocalAuthConfig config;
    private final Clock clock;

    public LocalTokenIssuer(LocalSigningKey signingKey, LocalAuthConfig config, Clock clock) {
        this.signingKey = signingKey;
        this.config = config;
        this.clock = clock;
    }

    public LocalTokenIssuer(LocalSigningKey signingKey, LocalAuthConfig config) {
        this(signingKey, config, Clock.systemUTC());
    }

    public String issue(TokenRequest request) {
        // JWT times are whole seconds; truncating keeps iat/nbf from lying in the (sub-second) future.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(config.issuer())
                .audience(config.audience())
                .subject(request.subject());
        if (request.email() != null) {
            claims.claim(EMAIL_CLAIM, request.email());
            claims.claim(EMAIL_VERIFIED_CLAIM, request.emailVerified());
        }
        if (!request.roles().isEmpty()) {
            claims.claim(GROUPS_CLAIM, request.roles()); // Cognito leaves the claim out for a user in no group.
        }
        claims.issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(request.ttl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(TOKEN_USE_CLAIM, "id");

        JWSHeader header = new JWSHeader.Builder(LocalSigningKey.ALGORITHM)
                .keyID(signingKey.keyId())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signingKey.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token with the key in " + signingKey.file(), e);
        }
        return jwt.serialize();
    }
}
