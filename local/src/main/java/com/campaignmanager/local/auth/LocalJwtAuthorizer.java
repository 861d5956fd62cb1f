package com.campaignmanager.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Does locally what API Gateway's HTTP API JWT authorizer does for the deployed API (identity source
 * {@code $request.header.Authorization}), against the local signing key instead of the issuer's {@code jwks_uri}.
 *
 * <p>Following the AWS developer guide ("Control access to HTTP APIs with JWT authorizers"):
 * <ul>
 *   <li>the header holds the token alone or prefixed with {@code "Bearer "};</li>
 *   <li>only RSA-based algorithms are supported, so {@code none}, HMAC and EC tokens are refused;</li>
 *   <li>{@code kid} must name the signing key; the signature must verify;</li>
 *   <li>{@code iss} must equal the configured issuer;</li>
 *   <li>{@code aud} must contain the configured audience, or, only when there is no {@code aud}, {@code client_id}
 *       must equal it;</li>
 *   <li>{@code exp} must be after, {@code nbf} and {@code iat} before the current time, in UTC.</li>
 * </ul>
 * The guide mentions no clock skew allowance, so none is allowed. Two choices are ours where the guide is silent:
 * a token without {@code exp} is refused, and the {@code Bearer} prefix is matched case-sensitively; in both cases
 * accepting less than production risks a confusing local 401, accepting more risks code that fails once deployed.
 * Route authorization scopes are not checked: the local tokens are ID tokens, which carry no scopes.
 *
 * <p>Thread-safe: one instance can serve all requests.
 */
public final class LocalJwtAuthorizer {
    /** API Gateway's answer to any request the authorizer refuses: status 401 with this body. */
    public static final int UNAUTHORIZED_STATUS = 401;
    public static final String UNAUTHORIZED_BODY = "{\"message\":\"Unauthorized\"}";

    private static final String BEARER_PREFIX = "Bearer ";

    private final LocalSigningKey signingKey;
    private final JWSVerifier verifier;
    private final LocalAuthConfig config;
    private final Clock clock;

    public LocalJwtAuthorizer(LocalSigningKey signingKey, LocalAuthConfig config, Clock clock) {
        this.signingKey = signingKey;
        this.verifier = signingKey.verifier();
        this.config = config;
        this.clock = clock;
    }

    public LocalJwtAuthorizer(LocalSigningKey signingKey, LocalAuthConfig config) {
        this(signingKey, config, Clock.systemUTC());
    }

    /** @param authorizationHeader the request's {@code Authorization} header value, or null when absent */
    public AuthorizationResult authorize(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return refuse("no token: the Authorization header is missing or empty");
        }
        String token = authorizationHeader.strip();
        if (token.startsWith(BEARER_PREFIX)) {
            token = token.substring(BEARER_PREFIX.length()).strip();
        }
        if (token.isEmpty()) {
            return refuse("no token after the Bearer prefix");
        }

        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return refuse("the token is not a JWT: " + e.getMessage());
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return refuse("the token is not signed (alg " + jwt.getHeader().getAlgorithm() + ")");
        }
        JWSHeader header = signed.getHeader();
        if (!JWSAlgorithm.Family.RSA.contains(header.getAlgorithm())) {
            return refuse("the token's algorithm " + header.getAlgorithm() + " is not RSA-based");
        }
        if (!signingKey.keyId().equals(header.getKeyID())) {
            return refuse("the token's kid " + header.getKeyID() + " does not match the signing key " + signingKey.keyId());
        }
        try {
            if (!signed.verify(verifier)) {
                return refuse("the token's signature does not verify");
            }
        } catch (JOSEException e) {
            return refuse("the token's signature cannot be checked: " + e.getMessage());
        }

        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            return refuse("the token's claims are malformed: " + e.getMessage());
        }
        String claimsProblem = claimsProblem(claims, clock.instant());
        if (claimsProblem != null) {
            return refuse(claimsProblem);
        }
        Map<String, Object> payload = signed.getPayload().toJSONObject();
        return new AuthorizationResult.Authorized(ApiGatewayJwtClaims.of(payload));
    }

    private String claimsProblem(JWTClaimsSet claims, Instant now) {
        if (!config.issuer().equals(claims.getIssuer())) {
            return "the token's issuer " + claims.getIssuer() + " is not " + config.issuer();
        }
        if (!hasValidAudience(claims)) {
            return "the token does not have a valid audience (aud " + claims.getAudience() + ", expected "
                    + config.audience() + ")";
        }
        Date expiration = claims.getExpirationTime();
        if (expiration == null) {
            return "the token has no exp";
        }
        if (!now.isBefore(expiration.toInstant())) {
            return "the token expired at " + expiration.toInstant();
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant())) {
            return "the token is not valid before " + notBefore.toInstant();
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && now.isBefore(issuedAt.toInstant())) {
            return "the token is issued in the future, at " + issuedAt.toInstant();
        }
        return null;
    }

    private boolean hasValidAudience(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (!audience.isEmpty()) {
            return audience.contains(config.audience());
        }
        // API Gateway looks at client_id (as in Cognito access tokens) only when there is no aud.
        return claims.getClaim("client_id") instanceof String clientId && clientId.equals(config.audience());
    }

    private static AuthorizationResult refuse(String reason) {
        return new AuthorizationResult.Unauthorized(reason);
    }
}
