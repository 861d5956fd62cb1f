package com.campaignmanager.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.audience.UnsubscribeSigningKey;
import com.campaignmanager.shared.audience.UnsubscribeTokens;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Secrets and link bases have no defaults in shared code: without them a function does not start. */
class RequiredSecretsTest {

    @Test
    void withoutTheirVariablesTheyRefuseToStartNamingIt() {
        Environment none = Environment.of(Map.of());
        assertThatThrownBy(() -> UnsubscribeSigningKey.from(none)).isInstanceOfSatisfying(
                MissingConfigurationException.class, e -> assertThat(e.variable()).isEqualTo("UNSUBSCRIBE_SIGNING_KEY"));
        assertThatThrownBy(() -> PublicApiUrl.from(none)).isInstanceOfSatisfying(MissingConfigurationException.class,
                e -> assertThat(e.getMessage()).contains("PUBLIC_API_URL"));
    }

    @Test
    void aShortSigningKeyStopsTheStartWithoutShowingTheKey() {
        String shortKey = "only-twenty-chars-ab";
        assertThatThrownBy(() -> UnsubscribeSigningKey.from(Environment.of(Map.of("UNSUBSCRIBE_SIGNING_KEY",
                shortKey)))).isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo("UNSUBSCRIBE_SIGNING_KEY"))
                .hasMessageContaining("at least 32 characters").hasMessageNotContaining(shortKey);
        assertThat(new UnsubscribeTokens(UnsubscribeSigningKey.from(Environment.of(Map.of("UNSUBSCRIBE_SIGNING_KEY",
                "a-key-of-thirty-two-characters-!")))).verify("x")).isEmpty();
    }

    @Test
    void linksUseTheConfiguredUrlOrTheGatewaysDomainNeverSomethingElse() {
        assertThat(new PublicApiUrl("https://api.example.com/").forRequest(Optional.of("evil.example")))
                .isEqualTo("https://api.example.com");
        PublicApiUrl gateway = new PublicApiUrl(PublicApiUrl.GATEWAY_DOMAIN);
        assertThat(gateway.forRequest(Optional.of("abc123.execute-api.eu-west-1.amazonaws.com")))
                .isEqualTo("https://abc123.execute-api.eu-west-1.amazonaws.com");
        assertThatThrownBy(() -> gateway.forRequest(Optional.of("evil.example/path?x"))).isInstanceOf(
                IllegalStateException.class);
        assertThatThrownBy(gateway::base).hasMessageContaining("PUBLIC_API_URL");
        assertThatThrownBy(() -> new PublicApiUrl("ftp://x")).hasMessageContaining("PUBLIC_API_URL");
        assertThatThrownBy(() -> new PublicApiUrl("https://x.example/?a=b")).hasMessageContaining("PUBLIC_API_URL");
    }
}
