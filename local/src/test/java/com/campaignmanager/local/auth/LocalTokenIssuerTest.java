package com.campaignmanager.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokenIssuerTest {
    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00.750Z");

    @TempDir
    Path dataDir;

    private LocalSigningKey key;
    private LocalTokenIssuer issuer;

    @BeforeEach
    void setUp() {
        key = LocalSigningKey.loadOrCreate(dataDir);
        issuer = new LocalTokenIssuer(key, LocalAuthConfig.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void tokenLooksLikeACognitoIdTokenSignedWithTheLocalKey() throws Exception {
        String token = issuer.issue(new TokenRequest("alice", "alice@example.com", List.of("editor", "approver"), null));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.verify(key.verifier())).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://campaign-manager.local/issuer");
        assertThat(claims.getAudience()).containsExactly("campaign-manager");
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("editor", "approver");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("id");
        assertThat(claims.getJWTID()).isNotBlank();
        Instant issuedAt = Instant.parse("2030-05-01T10:00:00Z");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(issuedAt);
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(issuedAt);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(issuedAt.plus(Duration.ofHours(12)));
    }

    @Test
    void groupsAreAJsonArrayAndAudienceAString() throws Exception {
        String token = issuer.issue(new TokenRequest("alice", null, List.of("viewer"), null));

        String payload = SignedJWT.parse(token).getPayload().toString();
        assertThat(payload).contains("\"cognito:groups\":[\"viewer\"]").contains("\"aud\":\"campaign-manager\"");
    }

    @Test
    void ttlIssuerAndAudienceAreConfigurable() throws Exception {
        LocalTokenIssuer custom = new LocalTokenIssuer(key, new LocalAuthConfig("https://idp.example/x", "app-client"),
                Clock.fixed(NOW, ZoneOffset.UTC));

        JWTClaimsSet claims = SignedJWT.parse(custom.issue(
                new TokenRequest("bob", null, List.of(), Duration.ofMinutes(30)))).getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo("https://idp.example/x");
        assertThat(claims.getAudience()).containsExactly("app-client");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(claims.getClaims()).doesNotContainKeys("email", "cognito:groups");
    }

    @Test
    void everyTokenHasItsOwnJti() throws Exception {
        TokenRequest request = new TokenRequest("alice", null, List.of("viewer"), null);

        String first = SignedJWT.parse(issuer.issue(request)).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(issuer.issue(request)).getJWTClaimsSet().getJWTID();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void requestRejectsBlankSubjectAndNonPositiveTtl() {
        assertThatThrownBy(() -> new TokenRequest(" ", null, List.of(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenRequest("a", null, List.of(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenRequest("a", null, List.of(), Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
