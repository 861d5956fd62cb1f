package com.campaignmanager.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

    @Test
    void defaultsToThirtyAndOneHundredEightyDays() {
        assertThat(RetentionSettings.from(Environment.of(Map.of())))
                .isEqualTo(new RetentionSettings(Duration.ofDays(30), Duration.ofDays(180)));
        assertThat(RetentionSettings.from(Environment.of(Map.of("ERASED_DATA_RETENTION_DAYS", "7",
                "NOTIFICATION_RETENTION_DAYS", "365")))).isEqualTo(new RetentionSettings(Duration.ofDays(7),
                Duration.ofDays(365)));
    }

    @Test
    void aMalformedOrNegativeRetentionStopsTheStartInsteadOfClearingEverything() {
        // A negative retention would put the cut-off in the future: everything erased would be cleared at once.
        for (Map.Entry<String, String> bad : Map.of("ERASED_DATA_RETENTION_DAYS", "-5",
                "NOTIFICATION_RETENTION_DAYS", "half a year").entrySet()) {
            assertThatThrownBy(() -> RetentionSettings.from(Environment.of(Map.of(bad.getKey(), bad.getValue()))))
                    .isInstanceOfSatisfying(InvalidConfigurationException.class,
                            e -> assertThat(e.variable()).isEqualTo(bad.getKey()))
                    .hasMessageContaining("'" + bad.getValue() + "'").hasMessageContaining("from 1 to 3650");
        }
    }
}
