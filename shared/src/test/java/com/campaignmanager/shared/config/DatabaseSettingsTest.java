package com.campaignmanager.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    private static final Map<String, String> COMPLETE = Map.of(
            "DB_CLUSTER_ARN", "arn:aws:rds:eu-west-1:123456789012:cluster:prod",
            "DB_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod",
            "DB_NAME", "campaigns",
            "AWS_REGION", "eu-west-1");

    @Test
    void readsEverySettingAndNoEndpointOverrideUnlessSet() {
        DatabaseSettings settings = DatabaseSettings.from(Environment.of(COMPLETE));

        assertThat(settings.clusterArn()).endsWith(":cluster:prod");
        assertThat(settings.database()).isEqualTo("campaigns");
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.endpoint()).isEmpty();
    }

    @Test
    void endpointOverrideWhenSet() {
        Map<String, String> local = new java.util.HashMap<>(COMPLETE);
        local.put("DATA_API_ENDPOINT", "http://127.0.0.1:8080");

        assertThat(DatabaseSettings.from(Environment.of(local)).endpoint()).contains(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void aMissingVariableIsNamed() {
        for (String variable : COMPLETE.keySet()) {
            Map<String, String> incomplete = new java.util.HashMap<>(COMPLETE);
            incomplete.put(variable, "  ");

            assertThatThrownBy(() -> DatabaseSettings.from(Environment.of(incomplete)))
                    .isInstanceOfSatisfying(MissingConfigurationException.class,
                            e -> assertThat(e.variable()).isEqualTo(variable))
                    .hasMessageContaining(variable);
        }
    }

    @Test
    void aMalformedEndpointIsRejected() {
        Map<String, String> bad = new java.util.HashMap<>(COMPLETE);
        bad.put("DATA_API_ENDPOINT", "localhost:8080");

        assertThatThrownBy(() -> DatabaseSettings.from(Environment.of(bad))).hasMessageContaining("DATA_API_ENDPOINT");
    }
}
