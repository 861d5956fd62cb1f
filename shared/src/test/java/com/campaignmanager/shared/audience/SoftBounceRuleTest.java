package com.campaignmanager.shared.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.InvalidConfigurationException;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftBounceRuleTest {

    @Test
    void settingsDefaultToThreeInThirtyDaysAndRefuseNonsense() {
        assertThat(SoftBounceSettings.from(Environment.of(Map.of())))
                .isEqualTo(new SoftBounceSettings(3, 30));
        assertThat(SoftBounceSettings.from(Environment.of(Map.of(SoftBounceSettings.LIMIT, "5",
                SoftBounceSettings.WINDOW_DAYS, " 7 ")))).isEqualTo(new SoftBounceSettings(5, 7));
        assertThatThrownBy(() -> SoftBounceSettings.from(Environment.of(Map.of(SoftBounceSettings.LIMIT, "0"))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo(SoftBounceSettings.LIMIT))
                .hasMessageContaining("from 1 to 1000");
        assertThatThrownBy(() -> SoftBounceSettings.from(Environment.of(Map.of(SoftBounceSettings.WINDOW_DAYS,
                "a month")))).isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo(SoftBounceSettings.WINDOW_DAYS))
                .hasMessageContaining("'a month'");
    }

    @Test
    void theWindowEndsNow() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
        SoftBounceRule rule = new SoftBounceRule(new ProviderEventRepository(JsonMapper.create()),
                new SoftBounceSettings(3, 30), clock);

        assertThat(rule.windowStart()).isEqualTo(Instant.parse("2026-10-28T09:00:00Z"));
    }

    @Test
    void everyStatementTheRepositoriesUseExists() {
        assertThat(SqlStatements.load(ProviderEventRepository.class, "provider_events.sql").names())
                .containsAll(List.of("insert-events", "apply-events", "suppress-over-soft-bounce-limit"));
        assertThat(SqlStatements.load(SuppressedMemberships.class, "suppressed_memberships.sql").names())
                .contains("remove-suppressed-members");
    }
}
