package com.campaignmanager.shared.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.config.Environment;
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
        assertThat(SoftBounceRule.Settings.from(Environment.of(Map.of())))
                .isEqualTo(new SoftBounceRule.Settings(3, 30));
        assertThat(SoftBounceRule.Settings.from(Environment.of(Map.of(SoftBounceRule.LIMIT, "5",
                SoftBounceRule.WINDOW_DAYS, "7")))).isEqualTo(new SoftBounceRule.Settings(5, 7));
        assertThatThrownBy(() -> SoftBounceRule.Settings.from(Environment.of(Map.of(SoftBounceRule.LIMIT, "0"))))
                .hasMessageContaining(SoftBounceRule.LIMIT);
        assertThatThrownBy(() -> SoftBounceRule.Settings.from(Environment.of(Map.of(SoftBounceRule.WINDOW_DAYS,
                "a month")))).hasMessageContaining(SoftBounceRule.WINDOW_DAYS);
    }

    @Test
    void theWindowEndsNow() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
        SoftBounceRule rule = new SoftBounceRule(new ProviderEventRepository(JsonMapper.create()),
                new SoftBounceRule.Settings(3, 30), clock);

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
