package com.campaignmanager.functions.launchduerounds;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.campaigns.CampaignsHandler;
import com.campaignmanager.functions.lists.ListsHandler;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The incident this product exists for: a restart sent a round on the wrong day. Here containers start (new
 * components over the same database), the schema is migrated again, the job runs — and nothing that is not due
 * and approved goes out. Then time passes, and exactly the round that became due does.
 */
@ExtendWith(LocalDataApiExtension.class)
class RestartSendsNothingNotDueTest {
    private static CampaignsHandler campaigns;
    private static ListsHandler lists;
    private static Database database;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        database = FunctionDatabase.get();
        campaigns = new CampaignsHandler();
        lists = new ListsHandler();
    }

    private static String round(String listId) {
        String campaignId = ApiCall.to(campaigns, "POST /campaigns").as("ed", "editor").json(Map.of(
                "name", "Restart " + UUID.randomUUID(), "fromEmail", "news@example.com")).send().json().get("id").asText();
        return ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "Round", "subject", "Hi", "htmlBody", "<p>Hi</p>", "listIds", List.of(listId),
                        "scheduledAt", "2031-01-01T09:00:00Z")).send().json().get("id").asText();
    }

    private static void act(String roundId, String action, String who, String role) {
        assertThat(ApiCall.to(campaigns, "POST /rounds/{roundId}/" + action, roundId).as(who, role).send().status())
                .isEqualTo(200);
    }

    private static void set(String sql, String roundId) {
        database.update(sql, Params.of("id", roundId));
    }

    private static String status(String roundId) {
        return database.querySingle("SELECT status FROM rounds WHERE id = :id::uuid", Params.of("id", roundId),
                r -> r.string("status"));
    }

    private static long messages(String roundId) {
        return database.querySingle("SELECT (SELECT count(*) FROM deliveries WHERE round_id = :id::uuid) + "
                + "(SELECT count(*) FROM outbox_messages WHERE campaign_tag = :id) AS n", Params.of("id", roundId),
                r -> r.longValue("n"));
    }

    @Test
    void newContainersAndAMigrationSendNothingThatIsNotDueAndApproved() {
        String listId = ApiCall.to(lists, "POST /lists").as("ed", "editor").json(Map.of("name", "Restart " + UUID.randomUUID()))
                .send().json().get("id").asText();
        ApiCall.to(lists, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", "restart-" + UUID.randomUUID() + "@example.com")).send();

        String approvedForLater = round(listId);
        act(approvedForLater, "submit", "ed", "editor");
        act(approvedForLater, "approve", "boss", "approver");
        set("UPDATE rounds SET scheduled_at = now() + interval '1 hour' WHERE id = :id::uuid", approvedForLater);
        String pastButPending = round(listId);
        act(pastButPending, "submit", "ed", "editor");
        set("UPDATE rounds SET scheduled_at = now() - interval '1 day' WHERE id = :id::uuid", pastButPending);
        String pastDraft = round(listId);
        set("UPDATE rounds SET scheduled_at = now() - interval '1 day' WHERE id = :id::uuid", pastDraft);
        String pastCancelled = round(listId);
        act(pastCancelled, "cancel", "ed", "editor");
        set("UPDATE rounds SET scheduled_at = now() - interval '1 day' WHERE id = :id::uuid", pastCancelled);
        List<String> rounds = List.of(approvedForLater, pastButPending, pastDraft, pastCancelled);

        // Two containers start (init wires, nothing else), a deploy migrates again, and the job runs in each.
        LaunchDueRoundsComponent first = LaunchDueRoundsComponent.create();
        LaunchDueRoundsComponent second = LaunchDueRoundsComponent.create();
        new MigrationRunner(database, Migrations.fromClasspath()).migrate();
        first.launcher().launchDue(() -> true);
        second.launcher().launchDue(() -> true);

        assertThat(rounds).extracting(RestartSendsNothingNotDueTest::status)
                .containsExactly("scheduled", "pending_approval", "draft", "cancelled");
        assertThat(rounds).extracting(RestartSendsNothingNotDueTest::messages).containsOnly(0L);

        // Its time comes: that round, and only that one, goes out.
        set("UPDATE rounds SET scheduled_at = now() - interval '1 second' WHERE id = :id::uuid", approvedForLater);
        LaunchDueRoundsComponent.create().launcher().launchDue(() -> true);
        assertThat(status(approvedForLater)).isEqualTo("sent");
        assertThat(messages(approvedForLater)).isEqualTo(2);
        assertThat(List.of(pastButPending, pastDraft, pastCancelled)).extracting(RestartSendsNothingNotDueTest::messages)
                .containsOnly(0L);
    }
}
