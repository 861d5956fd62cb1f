package com.campaignmanager.shared.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendSettingsTest {

    @Test
    void eightCallsInFlightUnlessSetFromOneToThirtyTwo() {
        assertThat(SendSettings.from(Environment.of(Map.of())).concurrency()).isEqualTo(8);
        assertThat(SendSettings.from(Environment.of(Map.of("SEND_CONCURRENCY", " 1 "))).concurrency()).isEqualTo(1);
        assertThat(SendSettings.from(Environment.of(Map.of("SEND_CONCURRENCY", "32"))).concurrency()).isEqualTo(32);
        for (String bad : new String[] {"0", "33", "-1", "8.5", "many"}) {
            assertThatThrownBy(() -> SendSettings.from(Environment.of(Map.of("SEND_CONCURRENCY", bad))))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("SEND_CONCURRENCY").hasMessageContaining("1 to 32");
        }
    }
}
