package com.campaignmanager.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audience.SuppressionReason;
import com.campaignmanager.shared.campaigns.CampaignStatus;
import com.campaignmanager.shared.campaigns.DeliveryStatus;
import com.campaignmanager.shared.campaigns.RoundStatus;
import com.campaignmanager.shared.campaigns.RoundTrigger;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.OutboundStatus;
import com.campaignmanager.shared.tasks.TaskStatus;
import com.campaignmanager.shared.testing.TestDatabases;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each enum of states holds exactly the texts its column's CHECK constraint allows, read from the schema the
 * migrations build: a state added on one side only fails here, not in a send.
 */
@ExtendWith(LocalDataApiExtension.class)
class StoredTextTest {
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static Database database;

    record Column(String table, String column, Set<String> enumTexts) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    @BeforeAll
    static void migrate() {
        database = TestDatabases.create("stored_text").database();
        new MigrationRunner(database, Migrations.fromClasspath()).migrate();
    }

    static <E extends Enum<E>> Set<String> texts(Class<E> type, Function<E, String> text) {
        return Arrays.stream(type.getEnumConstants()).map(text).collect(Collectors.toCollection(TreeSet::new));
    }

    static Column[] columns() {
        return new Column[] {
            new Column("rounds", "status", texts(RoundStatus.class, RoundStatus::stored)),
            new Column("rounds", "trigger", texts(RoundTrigger.class, RoundTrigger::stored)),
            new Column("campaigns", "status", texts(CampaignStatus.class, CampaignStatus::stored)),
            new Column("deliveries", "status", texts(DeliveryStatus.class, DeliveryStatus::stored)),
            new Column("tasks", "status", texts(TaskStatus.class, TaskStatus::stored)),
            new Column("notification_deliveries", "status", texts(OutboundStatus.class, OutboundStatus::stored)),
            new Column("team_members", "role", texts(Role.class, Role::wireName)),
            new Column("notifications", "severity", texts(Notice.Severity.class, Notice.Severity::wireName)),
            new Column("suppressions", "reason", texts(SuppressionReason.class, SuppressionReason::wireName)),
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void theEnumHoldsExactlyWhatTheConstraintAllows(Column column) {
        String definition = database.querySingle("""
                SELECT string_agg(pg_get_constraintdef(c.oid), ' ') AS definition
                FROM pg_constraint c
                JOIN pg_class t ON t.oid = c.conrelid
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (c.conkey)
                WHERE c.contype = 'c' AND t.relname = :table AND a.attname = :column
                """, Params.of("table", column.table()).put("column", column.column()), r -> r.string("definition"));
        assertThat(definition).as("a CHECK constraint on " + column).isNotNull();
        Set<String> allowed = new TreeSet<>();
        Matcher matcher = QUOTED.matcher(definition);
        while (matcher.find()) {
            allowed.add(matcher.group(1));
        }
        assertThat(column.enumTexts()).as(column + " (" + definition + ")").isEqualTo(allowed);
    }
}
