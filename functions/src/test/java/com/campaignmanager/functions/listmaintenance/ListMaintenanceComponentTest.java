package com.campaignmanager.functions.listmaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.InvalidConfigurationException;
import com.campaignmanager.shared.config.MissingConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ListMaintenanceFunction's start: what its handler takes from the component when the class initialises (here
 * over an environment of the test's own) fails on a missing or malformed setting, naming it. No database is called.
 */
class ListMaintenanceComponentTest {
    private static final Map<String, String> DATABASE = Map.of(
            "DB_CLUSTER_ARN", "arn:aws:rds:us-east-1:123456789012:cluster:test",
            "DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:test",
            "DB_NAME", "campaigns",
            "AWS_REGION", "us-east-1");

    private static Environment with(String name, String value) {
        Map<String, String> values = new HashMap<>(DATABASE);
        values.put(name, value);
        return Environment.of(values);
    }

    /** What {@link ListMaintenanceHandler}'s static initialiser does. */
    private static void start(Environment environment) {
        ListMaintenanceComponent component = ListMaintenanceComponent.create(environment);
        component.jobRunner();
        component.upkeep();
        component.retention();
    }

    @Test
    void startsWithTheDefaults() {
        start(Environment.of(DATABASE));
        assertThat(ListMaintenanceComponent.create(Environment.of(DATABASE)).retention().notifications())
                .isEqualTo(Duration.ofDays(180));
    }

    @Test
    void aMalformedRetentionStopsTheStartNamingIt() {
        assertThatThrownBy(() -> start(with("ERASED_DATA_RETENTION_DAYS", "abc")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo("ERASED_DATA_RETENTION_DAYS"))
                .hasMessageContaining("'abc'").hasMessageContaining("a whole number from 1 to 3650");
        assertThatThrownBy(() -> start(with("NOTIFICATION_RETENTION_DAYS", "0")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo("NOTIFICATION_RETENTION_DAYS"));
        assertThatThrownBy(() -> start(with("SLACK_WEBHOOK_URL", "hooks.slack.com/services/x")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo("SLACK_WEBHOOK_URL"));
    }

    @Test
    void aMissingDatabaseSettingStopsTheStartNamingIt() {
        Map<String, String> values = new HashMap<>(DATABASE);
        values.remove("DB_NAME");
        assertThatThrownBy(() -> start(Environment.of(values)))
                .isInstanceOfSatisfying(MissingConfigurationException.class,
                        e -> assertThat(e.variable()).isEqualTo("DB_NAME"));
    }
}
