package com.campaignmanager.functions.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.campaignmanager.functions.approvalreminders.ApprovalRemindersHandler;
import com.campaignmanager.functions.campaigns.CampaignsHandler;
import com.campaignmanager.functions.lists.ListsHandler;
import com.campaignmanager.functions.roundreminders.RoundRemindersHandler;
import com.campaignmanager.functions.team.TeamHandler;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleAnswers;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** Notifications end to end through the handlers: approvals, the reminder jobs, the inbox routes. */
@ExtendWith(LocalDataApiExtension.class)
class NotificationsFlowTest {
    private static CampaignsHandler campaigns;
    private static ListsHandler lists;
    private static NotificationsHandler inbox;
    private static TeamHandler team;
    private static RoundRemindersHandler roundReminders;
    private static ApprovalRemindersHandler approvalReminders;
    private static Database database;
    private static String editor;
    private static String approver;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        database = FunctionDatabase.get();
        campaigns = new CampaignsHandler();
        lists = new ListsHandler();
        inbox = new NotificationsHandler();
        team = new TeamHandler();
        roundReminders = new RoundRemindersHandler();
        approvalReminders = new ApprovalRemindersHandler();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        editor = "flow-editor-" + suffix;
        approver = "flow-approver-" + suffix;
        database.update("INSERT INTO team_members (email, role) VALUES (:editor, 'editor'), (:approver, 'approver')",
                Params.of("editor", editor + "@example.com").put("approver", approver + "@example.com"));
    }

    private static String draftRound(String scheduledAt) {
        String listId = ApiCall.from(lists, "events/lists/create-list.json").as(editor)
                .json(Map.of("name", "Flow " + UUID.randomUUID())).send().json().get("id").asText();
        ApiCall.to(lists, "POST /lists/{listId}/contacts", listId).as(editor)
                .json(Map.of("email", "flow-" + UUID.randomUUID() + "@example.com")).send();
        String campaignId = ApiCall.from(campaigns, "events/campaigns/create-campaign.json").as(editor).json(Map.of(
                "name", "Flow " + UUID.randomUUID(), "fromEmail", "news@example.com", "timezone", "America/New_York"))
                .send().json().get("id").asText();
        Response round = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId).as(editor)
                .json(Map.of("name", "Flow round", "subject", "Hello", "htmlBody", "<p>Hi</p>",
                        "listIds", List.of(listId), "scheduledAt", scheduledAt)).send();
        assertThat(round.status()).as(round.toString()).isEqualTo(201);
        return round.json().get("id").asText();
    }

    private static List<JsonNode> notificationsOf(String who, String entityId, boolean unreadOnly) {
        ApiCall call = ApiCall.to(inbox, "GET /notifications").as(who).query("limit", "200");
        if (unreadOnly) {
            call.query("unread", "true");
        }
        Response page = call.send();
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.json().get("items").forEach(item -> {
            if (entityId.equals(item.path("entityId").asText())) {
                items.add(item);
            }
        });
        return items;
    }

    private static JsonNode run(RequestStreamHandler handler) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{\"id\":\"t\"}".getBytes(StandardCharsets.UTF_8)), out, null);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static void runConcurrently(RequestStreamHandler handler, int times) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        List<Callable<JsonNode>> runs = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            runs.add(() -> run(handler));
        }
        for (Future<JsonNode> result : pool.invokeAll(runs)) {
            result.get();
        }
        pool.shutdown();
    }

    private static long count(String sql, String roundId) {
        return database.querySingle(sql, Params.of("roundId", roundId), r -> r.longValue("n"));
    }

    @ParameterizedTest(name = "events/notifications, sample {index}")
    @Events(folder = "events/notifications", type = APIGatewayV2HTTPEvent.class)
    void everySampleEventIsAnsweredAsItsRoutePromisesAndNeedsAToken(APIGatewayV2HTTPEvent sample) {
        SampleAnswers.check(inbox, sample, Map.of("GET /notifications/log", 200));
    }

    @Test
    void approvalsAreAnnouncedToTheRightPeopleAndReadInTheInbox() {
        String roundId = draftRound("2031-10-03T09:00:00-04:00");
        assertThat(ApiCall.to(campaigns, "POST /rounds/{roundId}/submit", roundId).as(editor).send().status())
                .isEqualTo(200);

        List<JsonNode> requested = notificationsOf(approver, roundId, true);
        assertThat(requested).hasSize(1);
        assertThat(requested.get(0).get("type").asText()).isEqualTo("approval.requested");
        assertThat(requested.get(0).get("readAt").isNull()).isTrue();
        // The person who asked is not asked.
        assertThat(notificationsOf(editor, roundId, false)).isEmpty();
        assertThat(ApiCall.to(team, "GET /me").as(approver).send().json().get("unreadNotifications").asInt())
                .isGreaterThanOrEqualTo(1);

        String notificationId = requested.get(0).get("id").asText();
        Response read = ApiCall.to(inbox, "POST /notifications/{notificationId}/read", notificationId).as(approver)
                .send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(notificationsOf(approver, roundId, true)).isEmpty();
        assertThat(notificationsOf(approver, roundId, false)).hasSize(1);
        // Someone else's notification is not yours to read.
        assertThat(ApiCall.to(inbox, "POST /notifications/{notificationId}/read", notificationId).as(editor).send()
                .status()).isEqualTo(404);

        Response approved = ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", roundId).as(approver).send();
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        List<JsonNode> told = notificationsOf(editor, roundId, true);
        assertThat(told).extracting(n -> n.get("type").asText()).containsExactly("approval.approved");

        // Rescheduled after approval: the approval lapses and the approvers are asked again.
        Response rescheduled = ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as(editor)
                .json(Map.of("scheduledAt", "2031-10-04T09:00:00-04:00")).send();
        assertThat(rescheduled.json().get("status").asText()).isEqualTo("pending_approval");
        assertThat(notificationsOf(approver, roundId, true)).extracting(n -> n.get("title").asText())
                .containsExactly("Approval needed again: Flow round");

        assertThat(ApiCall.to(inbox, "POST /notifications/read-all").as(editor).send().json().get("marked").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(ApiCall.to(team, "GET /me").as(editor).send().json().get("unreadNotifications").asInt()).isZero();

        // Who is not a member has no inbox; bad input names the field.
        assertThat(ApiCall.to(inbox, "GET /notifications").as("stranger", "admin").send().status()).isEqualTo(403);
        assertThat(ApiCall.to(inbox, "GET /notifications").as(editor).query("unread", "yes").send()
                .json().at("/errors/0/field").asText()).isEqualTo("unread");
        assertThat(ApiCall.from(inbox, "events/notifications/notification-log.json").as(editor)
                .query("status", "lost").send().json().at("/errors/0/field").asText()).isEqualTo("status");
        assertThat(ApiCall.to(inbox, "POST /notifications/channels/{channel}/enable", "slack").as(editor).send()
                .status()).isEqualTo(403);
    }

    @Test
    void reminderJobsRunTwiceAndConcurrentlyNotifyOnce() throws Exception {
        String scheduled = draftRound("2031-10-03T09:00:00-04:00");
        ApiCall.to(campaigns, "POST /rounds/{roundId}/submit", scheduled).as(editor).send();
        ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", scheduled).as(approver).send();
        database.update("UPDATE rounds SET scheduled_at = now() + interval '2 hours' WHERE id = :roundId::uuid",
                Params.of("roundId", scheduled));
        String unapproved = draftRound("2031-10-03T09:00:00-04:00");
        ApiCall.to(campaigns, "POST /rounds/{roundId}/submit", unapproved).as(editor).send();
        database.update("UPDATE rounds SET scheduled_at = now() + interval '3 hours', "
                + "submitted_at = now() - interval '5 hours' WHERE id = :roundId::uuid", Params.of("roundId", unapproved));

        runConcurrently(roundReminders, 3);
        run(roundReminders);
        runConcurrently(approvalReminders, 3);
        run(approvalReminders);

        assertThat(count("SELECT count(*) AS n FROM notifications WHERE dedup_key LIKE 'round:' || :roundId "
                + "|| ':reminder:24h:%'", scheduled)).isEqualTo(1);
        assertThat(notificationsOf(editor, scheduled, false)).extracting(n -> n.get("type").asText())
                .containsOnlyOnce("round.reminder");
        List<JsonNode> warned = notificationsOf(editor, unapproved, false).stream()
                .filter(n -> n.get("type").asText().equals("round.not_approved")).toList();
        assertThat(warned).hasSize(1);
        assertThat(warned.get(0).get("severity").asText()).isEqualTo("critical");
        assertThat(warned.get(0).get("body").asText()).contains("will not be sent").contains("EST");
        List<JsonNode> overdue = notificationsOf(approver, unapproved, false).stream()
                .filter(n -> n.get("type").asText().equals("approval.overdue")).toList();
        assertThat(overdue).hasSize(1);

        // The round goes out and completes; then another fails at launch: each is told once, with counts or why.
        database.update("UPDATE rounds SET status = 'sent', trigger = 'schedule', launched_at = now(), "
                + "completed_at = now(), recipients = 3, sent = 2, failed = 1 WHERE id = :roundId::uuid",
                Params.of("roundId", scheduled));
        database.update("UPDATE rounds SET status = 'failed', approved_by = 'x', approved_at = now(), "
                + "failure_reason = 'preflight failed' WHERE id = :roundId::uuid", Params.of("roundId", unapproved));
        runConcurrently(roundReminders, 2);
        run(roundReminders);
        List<JsonNode> completed = notificationsOf(editor, scheduled, false).stream()
                .filter(n -> n.get("type").asText().equals("round.completed")).toList();
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0).get("body").asText()).contains("2 of 3");
        assertThat(completed.get(0).at("/detail/counts/failed").asInt()).isEqualTo(1);
        assertThat(notificationsOf(editor, scheduled, false)).extracting(n -> n.get("type").asText())
                .containsOnlyOnce("round.launched");
        List<JsonNode> failed = notificationsOf(approver, unapproved, false).stream()
                .filter(n -> n.get("type").asText().equals("round.failed")).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("body").asText()).contains("preflight failed");
    }
}
