package com.campaignmanager.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalJwtAuthorizerTest {
    private static final Instant ISSUED_AT = Instant.parse("2030-05-01T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    private LocalSigningKey key;
    private LocalTokenIssuer issuer;

    @BeforeEach
    void setUp() {
        key = LocalSigningKey.loadOrCreate(dataDir);
        issuer = new LocalTokenIssuer(key, LocalAuthConfig.defaults(), clockAt(ISSUED_AT));
    }

    @Test
    void issuedTokenIsAuthorizedWithClaimsAsApiGatewayPassesThem() throws Exception {
        String token = issuer.issue(new TokenRequest("alice", "alice@example.com", List.of("admin", "editor"), TTL));

        AuthorizationResult result = authorizerAt(ISSUED_AT.plusSeconds(60)).authorize("Bearer " + token);

        assertThat(result.isAuthorized()).isTrue();
        Map<String, String> claims = ((AuthorizationResult.Authorized) result).claims();
        String jti = SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
        String iat = Long.toString(ISSUED_AT.getEpochSecond());
        assertThat(claims).containsOnly(
                Map.entry("iss", "https://campaign-manager.local/issuer"),
                Map.entry("aud", "campaign-manager"),
                Map.entry("sub", "alice"),
                Map.entry("email", "alice@example.com"),
                Map.entry("email_verified", "true"),
                Map.entry("cognito:groups", "[admin editor]"),
                Map.entry("iat", iat),
                Map.entry("nbf", iat),
                Map.entry("exp", Long.toString(ISSUED_AT.plus(TTL).getEpochSecond())),
                Map.entry("jti", jti),
                Map.entry("token_use", "id"));
    }

    @Test
    void rawTokenWithoutBearerPrefixIsAccepted() {
        String token = issuer.issue(new TokenRequest("alice", null, List.of("viewer"), TTL));

        assertThat(authorizerAt(ISSUED_AT).authorize(token).isAuthorized()).isTrue();
    }

    @Test
    void tokenIsValidFromTheSecondItWasIssuedUntilJustBeforeExp() {
        String token = issuer.issue(new TokenRequest("alice", null, List.of("viewer"), TTL));

        assertThat(authorizerAt(ISSUED_AT).authorize("Bearer " + token).isAuthorized()).isTrue();
        assertThat(authorizerAt(ISSUED_AT.plus(TTL).minusMillis(1)).authorize("Bearer " + token).isAuthorized()).isTrue();
    }

    @Test
    void anotherInstanceOnTheSameDataDirAcceptsTheToken() {
        String token = issuer.issue(new TokenRequest("alice", null, List.of("viewer"), TTL));

        LocalSigningKey reloaded = LocalSigningKey.loadOrCreate(dataDir);
        LocalJwtAuthorizer server = new LocalJwtAuthorizer(reloaded, LocalAuthConfig.defaults(), clockAt(ISSUED_AT));

        assertThat(server.authorize("Bearer " + token).isAuthorized()).isTrue();
    }

    @Test
    void tokenFromAnotherDataDirIsRefused(@TempDir Path otherDir) {
        LocalSigningKey otherKey = LocalSigningKey.loadOrCreate(otherDir);
        String token = new LocalTokenIssuer(otherKey, LocalAuthConfig.defaults(), clockAt(ISSUED_AT))
                .issue(new TokenRequest("alice", null, List.of("viewer"), TTL));

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + token), "kid");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Bearer", "Bearer ", "Basic YWxpY2U6c2VjcmV0", "Bearer not-a-jwt", "Bearer a.b.c",
            "Bearer eyJhbGciOiJSUzI1NiJ9.%%%.sig"})
    void missingEmptyOrMalformedHeaderIsRefused(String header) {
        assertThat(authorizerAt(ISSUED_AT).authorize(header).isAuthorized()).isFalse();
    }

    @Test
    void lowercaseBearerSchemeIsNotStripped() {
        String token = issuer.issue(new TokenRequest("alice", null, List.of("viewer"), TTL));

        assertThat(authorizerAt(ISSUED_AT).authorize("bearer " + token).isAuthorized()).isFalse();
    }

    @Test
    void expiredTokenIsRefusedWithoutClockSkew() {
        String token = issuer.issue(new TokenRequest("alice", null, List.of("viewer"), TTL));

        assertUnauthorized(authorizerAt(ISSUED_AT.plus(TTL)).authorize("Bearer " + token), "expired");
        assertUnauthorized(authorizerAt(ISSUED_AT.plus(Duration.ofDays(1))).authorize("Bearer " + token), "expired");
    }

    @Test
    void notYetValidTokenIsRefused() {
        Instant issuedLater = ISSUED_AT.plusSeconds(120);
        String token = new LocalTokenIssuer(key, LocalAuthConfig.defaults(), clockAt(issuedLater))
                .issue(new TokenRequest("alice", null, List.of("viewer"), TTL));

        assertUnauthorized(authorizerAt(issuedLater.minusSeconds(1)).authorize("Bearer " + token), "not valid before");
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() throws Exception {
        String token = sign(key.signer(), key.keyId(), validClaims()
                .notBeforeTime(null)
                .issueTime(Date.from(ISSUED_AT.plusSeconds(30)))
                .build());

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + token), "future");
    }

    @Test
    void tokenWithoutExpIsRefused() throws Exception {
        String token = sign(key.signer(), key.keyId(), validClaims().expirationTime(null).build());

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + token), "exp");
    }

    @Test
    void forgedTokenSignedByAnotherKeyWithTheSameKidIsRefused() throws Exception {
        RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(key.keyId()).generate();
        String token = sign(new RSASSASigner(attackerKey), key.keyId(), validClaims().build());

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + token), "signature");
    }

    @Test
    void tamperedPayloadIsRefused() {
        String token = issuer.issue(new TokenRequest("alice", null, List.of("viewer"), TTL));
        String[] parts = token.split("\\.");
        String adminPayload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("[\"viewer\"]", "[\"admin\"]");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(adminPayload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + tampered), "signature");
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        String token = new PlainJWT(validClaims().build()).serialize();

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + token), "not signed");
    }

    @Test
    void hmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        byte[] secret = key.publicJwk().toRSAPublicKey().getEncoded();
        String token = sign(new MACSigner(secret), JWSAlgorithm.HS256, key.keyId(), validClaims().build());

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + token), "not RSA-based");
    }

    @Test
    void tokenWithoutKidIsRefused() throws Exception {
        String token = sign(key.signer(), null, validClaims().build());

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + token), "kid");
    }

    @Test
    void wrongAudienceIsRefused() throws Exception {
        String token = sign(key.signer(), key.keyId(), validClaims().audience("someone-else").build());

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + token), "audience");
    }

    @Test
    void audienceListContainingTheConfiguredAudienceIsAccepted() throws Exception {
        String token = sign(key.signer(), key.keyId(),
                validClaims().audience(List.of("other", "campaign-manager")).build());

        AuthorizationResult result = authorizerAt(ISSUED_AT).authorize("Bearer " + token);

        assertThat(result.isAuthorized()).isTrue();
        assertThat(((AuthorizationResult.Authorized) result).claims()).containsEntry("aud", "[other campaign-manager]");
    }

    @Test
    void clientIdCountsOnlyWhenThereIsNoAud() throws Exception {
        String accessToken = sign(key.signer(), key.keyId(),
                validClaims().audience((String) null).claim("client_id", "campaign-manager").build());
        String audWins = sign(key.signer(), key.keyId(),
                validClaims().audience("someone-else").claim("client_id", "campaign-manager").build());

        assertThat(authorizerAt(ISSUED_AT).authorize("Bearer " + accessToken).isAuthorized()).isTrue();
        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + audWins), "audience");
    }

    @Test
    void wrongIssuerIsRefused() throws Exception {
        String token = sign(key.signer(), key.keyId(), validClaims().issuer("https://evil.example/issuer").build());

        assertUnauthorized(authorizerAt(ISSUED_AT).authorize("Bearer " + token), "issuer");
    }

    @Test
    void configuredAudienceAndIssuerAreTheOnesChecked() {
        LocalAuthConfig custom = new LocalAuthConfig("https://idp.example/x", "app-client");
        String token = new LocalTokenIssuer(key, custom, clockAt(ISSUED_AT))
                .issue(new TokenRequest("alice", null, List.of("viewer"), TTL));

        assertThat(new LocalJwtAuthorizer(key, custom, clockAt(ISSUED_AT)).authorize(token).isAuthorized()).isTrue();
        assertThat(authorizerAt(ISSUED_AT).authorize(token).isAuthorized()).isFalse();
    }

    @Test
    void unauthorizedBodyIsApiGatewaysOwn() {
        assertThat(LocalJwtAuthorizer.UNAUTHORIZED_STATUS).isEqualTo(401);
        assertThat(LocalJwtAuthorizer.UNAUTHORIZED_BODY).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    private LocalJwtAuthorizer authorizerAt(Instant now) {
        return new LocalJwtAuthorizer(key, LocalAuthConfig.defaults(), clockAt(now));
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static JWTClaimsSet.Builder validClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(LocalAuthConfig.DEFAULT_ISSUER)
                .audience(LocalAuthConfig.DEFAULT_AUDIENCE)
                .subject("mallory")
                .claim("cognito:groups", List.of("admin"))
                .issueTime(Date.from(ISSUED_AT))
                .notBeforeTime(Date.from(ISSUED_AT))
                .expirationTime(Date.from(ISSUED_AT.plus(TTL)));
    }

    private static String sign(JWSSigner signer, String keyId, JWTClaimsSet claims) throws Exception {
        return sign(signer, JWSAlgorithm.RS256, keyId, claims);
    }

    private static String sign(JWSSigner signer, JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims)
            throws Exception {
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static void assertUnauthorized(AuthorizationResult result, String reasonFragment) {
        assertThat(result).isInstanceOf(AuthorizationResult.Unauthorized.class);
        assertThat(((AuthorizationResult.Unauthorized) result).reason()).contains(reasonFragment);
    }
}
