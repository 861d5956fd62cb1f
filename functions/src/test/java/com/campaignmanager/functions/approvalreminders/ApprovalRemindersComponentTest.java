package com.campaignmanager.functions.approvalreminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.campaigns.ApprovalReminderSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.InvalidConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ApprovalRemindersFunction's start over an environment of the test's own: no silent fallback to 4 hours. */
class ApprovalRemindersComponentTest {
    private static final Map<String, String> DATABASE = Map.of(
            "DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:123456789012:cluster:test",
            "DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:test",
            "DB_NAME", "campaigns",
            "AWS_REGION", "us-east-1");

    /** What {@link ApprovalRemindersHandler}'s static initialiser does. */
    private static void start(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(DATABASE);
        values.putAll(extra);
        ApprovalRemindersComponent component = ApprovalRemindersComponent.create(Environment.of(values));
        component.jobRunner();
        component.reminders();
    }

    @Test
    void aMalformedReminderPeriodStopsTheStartNamingIt() {
        for (String bad : new String[] {"abc", "0", "169"}) {
            assertThatThrownBy(() -> start(Map.of("APPROVAL_REMINDER_HOURS", bad)))
                    .isInstanceOfSatisfying(InvalidConfigurationException.class,
                            e -> assertThat(e.variable()).isEqualTo("APPROVAL_REMINDER_HOURS"))
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("a whole number from 1 to 168");
        }
    }

    @Test
    void aMalformedEmailProviderStopsTheStartToo() {
        assertThatThrownBy(() -> start(Map.of("EMAIL_PROVIDER", "sendgrid")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo("EMAIL_PROVIDER"));
    }

    @Test
    void startsWithTheDefaultOrAValidPeriod() {
        start(Map.of());
        start(Map.of("APPROVAL_REMINDER_HOURS", " 24 "));
        assertThat(ApprovalReminderSettings.from(Environment.of(Map.of())).hours()).isEqualTo(4);
    }
}
