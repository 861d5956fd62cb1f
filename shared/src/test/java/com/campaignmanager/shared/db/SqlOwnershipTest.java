package com.campaignmanager.shared.db;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.shared.audience.ContactRepository;
import com.campaignmanager.shared.audience.Erasure;
import com.campaignmanager.shared.audience.ListMaintenance;
import com.campaignmanager.shared.audience.ListRepository;
import com.campaignmanager.shared.audience.ProviderEventRepository;
import com.campaignmanager.shared.audience.SuppressedMemberships;
import com.campaignmanager.shared.audience.SuppressionRepository;
import com.campaignmanager.shared.audience.Unsubscriptions;
import com.campaignmanager.shared.audience.segments.SegmentRepository;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.campaigns.ApprovalReminders;
import com.campaignmanager.shared.campaigns.Approvals;
import com.campaignmanager.shared.campaigns.CampaignRepository;
import com.campaignmanager.shared.campaigns.CampaignTimeline;
import com.campaignmanager.shared.campaigns.Dashboard;
import com.campaignmanager.shared.campaigns.DeliveryLedger;
import com.campaignmanager.shared.campaigns.Preflight;
import com.campaignmanager.shared.campaigns.RoundLauncher;
import com.campaignmanager.shared.campaigns.RoundMetrics;
import com.campaignmanager.shared.campaigns.RoundReminders;
import com.campaignmanager.shared.campaigns.RoundRepository;
import com.campaignmanager.shared.campaigns.RoundMessages;
import com.campaignmanager.shared.campaigns.RoundPreviews;
import com.campaignmanager.shared.campaigns.TemplateRepository;
import com.campaignmanager.shared.campaigns.TestSends;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.email.OutboxRepository;
import com.campaignmanager.shared.notifications.Inbox;
import com.campaignmanager.shared.notifications.NotificationDispatcher;
import com.campaignmanager.shared.notifications.Notifications;
import com.campaignmanager.shared.search.SiteSearch;
import com.campaignmanager.shared.tasks.TaskRepository;
import com.campaignmanager.shared.team.TeamDirectory;
import com.campaignmanager.shared.team.TeamRepository;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code .sql} file of shared has exactly one class that runs it, which resolves all its statements when it
 * loads and leaves none unused. A new file without an owner here, a second class loading a file, or a statement
 * nobody runs fails this test.
 */
class SqlOwnershipTest {
    private static final String ROOT = "com/campaignmanager/shared/";
    private static final Map<String, Class<?>> OWNERS = Map.ofEntries(
            entry("campaigns/approval_reminders.sql", ApprovalReminders.class),
            entry("campaigns/approvals.sql", Approvals.class),
            entry("campaigns/campaigns.sql", CampaignRepository.class),
            entry("campaigns/dashboard.sql", Dashboard.class),
            entry("campaigns/deliveries.sql", DeliveryLedger.class),
            entry("campaigns/metrics.sql", RoundMetrics.class),
            entry("campaigns/preflight.sql", Preflight.class),
            entry("campaigns/round_reminders.sql", RoundReminders.class),
            entry("campaigns/rounds.sql", RoundRepository.class),
            entry("campaigns/sending.sql", RoundLauncher.class),
            entry("campaigns/test_sends.sql", TestSends.class),
            entry("campaigns/timeline.sql", CampaignTimeline.class),
            entry("campaigns/templates.sql", TemplateRepository.class),
            entry("campaigns/round_messages.sql", RoundMessages.class),
            entry("campaigns/previews.sql", RoundPreviews.class),
            entry("audience/contacts.sql", ContactRepository.class),
            entry("audience/erasure.sql", Erasure.class),
            entry("audience/lists.sql", ListRepository.class),
            entry("audience/maintenance.sql", ListMaintenance.class),
            entry("audience/provider_events.sql", ProviderEventRepository.class),
            entry("audience/suppressed_memberships.sql", SuppressedMemberships.class),
            entry("audience/suppressions.sql", SuppressionRepository.class),
            entry("audience/unsubscriptions.sql", Unsubscriptions.class),
            entry("audience/segments/segments.sql", SegmentRepository.class),
            entry("audit/audit.sql", AuditTrail.class),
            entry("db/migration/migrations.sql", MigrationRunner.class),
            entry("email/outbox.sql", OutboxRepository.class),
            entry("notifications/deliveries.sql", NotificationDispatcher.class),
            entry("notifications/inbox.sql", Inbox.class),
            entry("notifications/notifications.sql", Notifications.class),
            entry("search/search.sql", SiteSearch.class),
            entry("tasks/tasks.sql", TaskRepository.class),
            entry("team/directory.sql", TeamDirectory.class),
            entry("team/team.sql", TeamRepository.class));

    @Test
    void everyFileHasOneOwnerThatResolvesAndRunsEachOfItsStatements() throws Exception {
        List<String> files = sqlFiles();
        assertThat(files).as("statement files of shared, each with its owner here").containsAll(OWNERS.keySet());
        List<String> problems = new ArrayList<>();
        for (String file : files) {
            Class<?> owner = OWNERS.get(file);
            if (owner == null) {
                problems.add(file + " has no owner listed");
                continue;
            }
            // Loading the owner resolves its constants: a name the file lacks fails right here.
            Class.forName(owner.getName(), true, owner.getClassLoader());
            List<SqlStatements> loads = SqlStatements.loaded().stream()
                    .filter(sql -> sql.resource().equals(ROOT + file)).toList();
            loads.stream().filter(sql -> sql.owner() != owner)
                    .forEach(sql -> problems.add(file + " is also loaded by " + sql.owner().getName()));
            List<SqlStatements> own = loads.stream().filter(sql -> sql.owner() == owner).toList();
            if (own.isEmpty()) {
                problems.add(file + " is not loaded by " + owner.getName());
                continue;
            }
            // A test may load the file again for its owner without running anything: what no load ran is unused.
            Set<String> unused = new TreeSet<>(own.get(0).unused());
            own.forEach(sql -> unused.retainAll(sql.unused()));
            if (!unused.isEmpty()) {
                problems.add(file + ": " + owner.getSimpleName() + " never runs " + unused);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The {@code .sql} files under {@code com/campaignmanager/shared/} of the main classes, relative to it. */
    private static List<String> sqlFiles() throws IOException, URISyntaxException {
        Path classes = Path.of(SqlStatements.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve(ROOT);
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(".sql"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
