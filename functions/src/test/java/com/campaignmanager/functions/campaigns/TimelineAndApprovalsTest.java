package com.campaignmanager.functions.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.launchduerounds.LaunchDueRoundsHandler;
import com.campaignmanager.functions.lists.ListsHandler;
import com.campaignmanager.functions.tasks.TasksHandler;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleEvents;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A round from draft to sent, then its campaign's timeline and the approvals lists. */
@ExtendWith(LocalDataApiExtension.class)
class TimelineAndApprovalsTest {
    private static CampaignsHandler campaigns;
    private static ListsHandler lists;
    private static TasksHandler tasks;
    private static LaunchDueRoundsHandler launcher;
    private static Database database;
    private static final String APPROVALS = "events/campaigns/pending-approvals.json";

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        database = FunctionDatabase.get();
        campaigns = new CampaignsHandler();
        lists = new ListsHandler();
        tasks = new TasksHandler();
        launcher = new LaunchDueRoundsHandler();
    }

    private static String[] submittedRound(String campaignName) {
        String listId = ApiCall.from(lists, "events/lists/create-list.json").as("tl-ed", "editor")
                .json(Map.of("name", "TL " + UUID.randomUUID())).send().json().get("id").asText();
        ApiCall.to(lists, "POST /lists/{listId}/imports", listId).as("tl-ed", "editor")
                .body("text/csv", "email\ntl-a-" + UUID.randomUUID() + "@example.com\ntl-b-" + UUID.randomUUID()
                        + "@example.com\n").send();
        String campaignId = ApiCall.from(campaigns, "events/campaigns/create-campaign.json").as("tl-ed", "editor")
                .json(Map.of("name", campaignName, "fromEmail", "news@example.com", "timezone", "America/New_York"))
                .send().json().get("id").asText();
        String roundId = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId).as("tl-ed", "editor")
                .json(Map.of("name", "Round 1", "subject", "Hi", "htmlBody", "<p>Hi</p>", "listIds", List.of(listId),
                        "scheduledAt", "2031-10-03T09:00:00-04:00")).send().json().get("id").asText();
        Response submitted = ApiCall.to(campaigns, "POST /rounds/{roundId}/submit", roundId).as("tl-ed", "editor").send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return new String[] {campaignId, roundId};
    }

    @Test
    void theTimelineTellsAFullRoundInOrderWithActorsAndTheCampaignsZone() throws Exception {
        String[] ids = submittedRound("Timeline " + UUID.randomUUID());
        String campaignId = ids[0];
        String roundId = ids[1];
        assertThat(ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", roundId).as("tl-boss", "approver").send()
                .status()).isEqualTo(200);
        database.update("UPDATE rounds SET scheduled_at = now() - interval '1 second' WHERE id = :id::uuid",
                Params.of("id", roundId));
        launcher.handleRequest(SampleEvents.open("events/launch-due-rounds/scheduled.json"),
                new ByteArrayOutputStream(), null);
        database.update("INSERT INTO round_metrics (round_id, collected_at, recipients, sent, failed, skipped, opens, "
                + "unique_opens, clicks, unique_clicks, bounces, complaints, unsubscribes) VALUES (:id::uuid, "
                + "now() + interval '1 hour', 2, 2, 0, 0, 1, 1, 0, 0, 0, 0, 0)", Params.of("id", roundId));
        String taskId = ApiCall.to(tasks, "POST /campaigns/{campaignId}/tasks", campaignId).as("tl-ed", "editor")
                .json(Map.of("title", "Report results")).send().json().get("id").asText();
        ApiCall.to(tasks, "PATCH /tasks/{taskId}", taskId).as("tl-ed", "editor").json(Map.of("status", "done")).send();

        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            ApiCall call = ApiCall.to(campaigns, "GET /campaigns/{campaignId}/timeline", campaignId).as("v", "viewer")
                    .query("limit", "3");
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            JsonNode page = call.send().json();
            assertThat(page.get("timezone").asText()).isEqualTo("America/New_York");
            page.get("items").forEach(entries::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        List<String> kinds = entries.stream().map(e -> e.get("kind").asText()).toList();
        assertThat(kinds).containsSubsequence("campaign.created", "round.created", "round.submitted",
                "round.approved", "round.launched", "round.completed", "round.metric_milestone");
        assertThat(kinds).contains("round.preflight", "task.created", "task.completed");
        assertThat(kinds.stream().filter(k -> k.equals("round.metric_milestone")).count()).isEqualTo(3);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(OffsetDateTime.parse(entries.get(i).get("at").asText()))
                    .isAfterOrEqualTo(OffsetDateTime.parse(entries.get(i - 1).get("at").asText()));
        }
        Map<String, String> actors = new java.util.HashMap<>();
        entries.forEach(e -> actors.putIfAbsent(e.get("kind").asText(), e.path("actor").asText()));
        assertThat(actors).containsEntry("round.submitted", "tl-ed@example.com")
                .containsEntry("round.approved", "tl-boss@example.com").containsEntry("round.launched", "scheduler");
        JsonNode completed = entries.stream().filter(e -> e.get("kind").asText().equals("round.completed"))
                .findFirst().orElseThrow();
        assertThat(completed.at("/data/sent").asInt()).isEqualTo(2);
        assertThat(completed.get("subject").asText()).isEqualTo("Round 1");
        // New York in winter or summer: the offset is the campaign's, not UTC.
        assertThat(completed.get("at").asText()).matches(".*-0[45]:00$");

        assertThat(ApiCall.to(campaigns, "GET /campaigns/{campaignId}/timeline", UUID.randomUUID()).as("v", "viewer")
                .send().status()).isEqualTo(404);
        assertThat(ApiCall.to(campaigns, "GET /campaigns/{campaignId}/timeline", campaignId).as("v", "viewer")
                .query("cursor", "bogus").send().json().at("/errors/0/field").asText()).isEqualTo("cursor");
    }

    @Test
    void approvalsListWhatWaitsAndWhatWasDecided() {
        String[] waiting = submittedRound("Approvals " + UUID.randomUUID());
        String[] rejected = submittedRound("Approvals " + UUID.randomUUID());
        ApiCall.to(campaigns, "POST /rounds/{roundId}/reject", rejected[1]).as("tl-boss", "approver")
                .json(Map.of("reason", "Wrong list")).send();

        List<JsonNode> pending = new ArrayList<>();
        ApiCall.from(campaigns, APPROVALS).as("v", "viewer").query("limit", "200").send().json().get("items")
                .forEach(pending::add);
        JsonNode mine = pending.stream().filter(p -> p.get("roundId").asText().equals(waiting[1])).findFirst()
                .orElseThrow();
        assertThat(mine.get("submittedBy").asText()).isEqualTo("tl-ed@example.com");
        assertThat(mine.get("scheduledAt").asText()).isEqualTo("2031-10-03T09:00:00-04:00");
        assertThat(mine.get("waitedSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(mine.at("/preflight/ready").asBoolean()).isTrue();
        assertThat(pending).noneMatch(p -> p.get("roundId").asText().equals(rejected[1]));

        List<JsonNode> decided = new ArrayList<>();
        ApiCall.from(campaigns, APPROVALS).as("v", "viewer").query("status", "decided").query("limit", "200")
                .send().json().get("items").forEach(decided::add);
        JsonNode decision = decided.stream().filter(d -> d.get("roundId").asText().equals(rejected[1])).findFirst()
                .orElseThrow();
        assertThat(decision.get("decision").asText()).isEqualTo("rejected");
        assertThat(decision.get("decidedBy").asText()).isEqualTo("tl-boss@example.com");
        assertThat(decision.get("reason").asText()).isEqualTo("Wrong list");
        assertThat(decision.get("submittedBy").asText()).isEqualTo("tl-ed@example.com");

        assertThat(ApiCall.from(campaigns, APPROVALS).as("v", "viewer").query("status", "maybe").send()
                .json().at("/errors/0/field").asText()).isEqualTo("status");
        assertThat(ApiCall.to(campaigns, "GET /approvals").send().status()).isEqualTo(401);
    }
}
