package com.campaignmanager.functions.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpSettingsTest {
    private static McpSettings settings(String appUrl) {
        return McpSettings.from(Environment.of(appUrl == null
                ? Map.of("JWT_ISSUER", "https://issuer.example.com")
                : Map.of("JWT_ISSUER", "https://issuer.example.com", "APP_URL", appUrl)));
    }

    @Test
    void onlyTheFrontEndsOriginIsAllowed() {
        McpSettings settings = settings("https://Campaigns.Example.com:443/app/");

        assertThat(settings.allowsOrigin("https://campaigns.example.com")).isTrue();
        assertThat(settings.allowsOrigin("https://campaigns.example.com:443")).isTrue();
        assertThat(settings.allowsOrigin("http://campaigns.example.com")).isFalse();
        assertThat(settings.allowsOrigin("https://campaigns.example.com:8443")).isFalse();
        assertThat(settings.allowsOrigin("https://campaigns.example.com.evil.example")).isFalse();
        assertThat(settings.allowsOrigin("https://campaigns.example.com/app")).isFalse();
        assertThat(settings.allowsOrigin("null")).isFalse();
        assertThat(settings.allowsOrigin("")).isFalse();
    }

    @Test
    void withoutAFrontEndNoOriginIsAllowed() {
        assertThat(settings(null).allowsOrigin("http://127.0.0.1:3000")).isFalse();
    }

    @Test
    void theIssuerMustBeAUrl() {
        assertThatThrownBy(() -> McpSettings.from(Environment.of(Map.of("JWT_ISSUER", "cognito"))))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("JWT_ISSUER");
    }

    @Test
    void acceptMustListATypeOrARangeCoveringIt() {
        assertThat(GatewayTransport.accepts("application/json, text/event-stream", "text/event-stream")).isTrue();
        assertThat(GatewayTransport.accepts("application/*;q=0.9", "application/json")).isTrue();
        assertThat(GatewayTransport.accepts("*/*", "text/event-stream")).isTrue();
        assertThat(GatewayTransport.accepts("application/json", "text/event-stream")).isFalse();
        assertThat(GatewayTransport.accepts("", "application/json")).isFalse();
    }
}
