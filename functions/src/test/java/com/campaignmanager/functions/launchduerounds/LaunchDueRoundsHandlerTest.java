package com.campaignmanager.functions.launchduerounds;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.campaigns.CampaignsHandler;
import com.campaignmanager.functions.lists.ListsHandler;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleEvents;
import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

/** The launch job against the outbox provider, on a real database: due rounds go out once, to the right people. */
@ExtendWith(LocalDataApiExtension.class)
class LaunchDueRoundsHandlerTest {
    private static LaunchDueRoundsHandler LAUNCHER;
    private static CampaignsHandler CAMPAIGNS;
    private static ListsHandler LISTS;
    private static String database;

    @BeforeAll
    static void schema() {
        FunctionEnvironment.migrate();
        database = FunctionEnvironment.install();
        LAUNCHER = new LaunchDueRoundsHandler();
        CAMPAIGNS = new CampaignsHandler();
        LISTS = new ListsHandler();
    }

    private static Connection connect() throws Exception {
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        return DriverManager.getConnection(dataApi.jdbcUrl(database), dataApi.user(), dataApi.password());
    }

    private static long count(String sql, Object... args) throws Exception {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void execute(String sql, Object... args) throws Exception {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String list(String csv) {
        String listId = ApiCall.to(LISTS, "POST /lists").as("ed", "editor")
                .json(Map.of("name", "Launch " + UUID.randomUUID())).send().json().get("id").asText();
        ApiCall.to(LISTS, "POST /lists/{listId}/imports", listId).as("ed", "editor").body("text/csv", csv).send();
        return listId;
    }

    /** An approved round whose time has come: the clock is moved by setting scheduled_at into the past. */
    private static UUID dueRound(List<String> listIds) throws Exception {
        String campaignId = ApiCall.to(CAMPAIGNS, "POST /campaigns").as("ed", "editor").json(Map.of(
                "name", "Launch " + UUID.randomUUID(), "fromEmail", "news@example.com")).send().json().get("id").asText();
        String roundId = ApiCall.to(CAMPAIGNS, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "Round", "subject", "Hi {{firstName}}", "htmlBody", "<p>Hello {{firstName}}</p>",
                        "textBody", "Hello {{firstName}}, bye: {{unsubscribeUrl}}", "listIds", listIds,
                        "scheduledAt", "2031-01-01T09:00:00Z")).send().json().get("id").asText();
        ApiCall.to(CAMPAIGNS, "POST /rounds/{roundId}/submit", roundId).as("ed", "editor").send();
        JsonNode approved = ApiCall.to(CAMPAIGNS, "POST /rounds/{roundId}/approve", roundId).as("boss", "approver")
                .send().json();
        assertThat(approved.get("status").asText()).isEqualTo("scheduled");
        execute("UPDATE rounds SET scheduled_at = now() - interval '1 minute' WHERE id = ?", UUID.fromString(roundId));
        return UUID.fromString(roundId);
    }

    private static JsonNode launch() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LAUNCHER.handleRequest(SampleEvents.open("events/launch-due-rounds/scheduled.json"), out, null);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode round(UUID roundId) {
        return ApiCall.to(CAMPAIGNS, "GET /rounds/{roundId}", roundId).as("v", "viewer").send().json();
    }

    private static long outbox(UUID roundId) throws Exception {
        return count("SELECT count(*) FROM outbox_messages WHERE campaign_tag = ?", roundId.toString());
    }

    @Test
    void aDueRoundGoesOnceToEveryoneOnItsListsExceptTheSuppressed() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String one = list("email,first_name\na-" + tag + "@x.com,Ann\nb-" + tag + "@x.com,Bob\nc-" + tag
                + "@x.com,Cy\nd-" + tag + "@x.com,Di\n");
        String two = list("email\nc-" + tag + "@x.com\nd-" + tag + "@x.com\ne-" + tag + "@x.com\n");
        ApiCall.to(LISTS, "POST /suppressions").as("ed", "editor").json(Map.of("email", "b-" + tag + "@x.com")).send();
        UUID roundId = dueRound(List.of(one, two));
        // Suppressed after the approval: still never mailed.
        ApiCall.to(LISTS, "POST /suppressions").as("ed", "editor").json(Map.of("email", "e-" + tag + "@x.com")).send();

        JsonNode report = launch();
        JsonNode again = launch();
        JsonNode sent = round(roundId);

        assertThat(report.get("finished")).extracting(JsonNode::asText).contains(roundId.toString());
        assertThat(again.get("finished")).extracting(JsonNode::asText).doesNotContain(roundId.toString());
        assertThat(sent.get("status").asText()).isEqualTo("sent");
        assertThat(sent.get("counts").get("recipients").asInt()).isEqualTo(3);
        assertThat(sent.get("counts").get("sent").asInt()).isEqualTo(3);
        assertThat(sent.get("launchedAt").isNull()).isFalse();
        assertThat(sent.get("completedAt").isNull()).isFalse();
        assertThat(outbox(roundId)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM outbox_messages WHERE campaign_tag = ? AND text_body LIKE 'Hello Ann,%'"
                + " AND headers->>'List-Unsubscribe' IS NOT NULL", roundId.toString())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_messages WHERE campaign_tag = ? AND (to_email LIKE 'b-%' "
                + "OR to_email LIKE 'e-%')", roundId.toString())).isZero();
        JsonNode deliveries = ApiCall.to(CAMPAIGNS, "GET /rounds/{roundId}/deliveries", roundId).as("ed", "editor")
                .query("status", "sent").send().json();
        String annId = ApiCall.to(LISTS, "GET /contacts").as("ed", "editor").query("q", "a-" + tag).send().json()
                .get("items").get(0).get("id").asText();
        JsonNode history = ApiCall.to(LISTS, "GET /contacts/{contactId}/history", annId).as("ed", "editor").send().json();
        assertThat(history.get("deliveries")).extracting(d -> d.get("roundId").asText() + "/" + d.get("status").asText())
                .containsExactly(roundId + "/sent");
        // Erasing the person leaves the ledger's facts, not the address.
        ApiCall.to(LISTS, "DELETE /contacts/{contactId}", annId).as("root", "admin").send();
        assertThat(count("SELECT count(*) FROM deliveries WHERE round_id = ? AND email LIKE 'a-%'", roundId)).isZero();
        assertThat(count("SELECT count(*) FROM deliveries WHERE round_id = ? AND status = 'sent'", roundId)).isEqualTo(3);
        assertThat(deliveries.get("items")).hasSize(3)
                .allSatisfy(d -> assertThat(d.get("providerMessageId").asText()).startsWith("outbox:"));
    }

    @Test
    void sendsAreListedByTheDayTheyWentOutInTheAskedZone() throws Exception {
        UUID roundId = dueRound(List.of(list("email\ntz-" + UUID.randomUUID() + "@x.com\n")));
        launch();
        // Launched on Oct 3 at 22:00 in New York, which is already Oct 4 in UTC.
        execute("UPDATE rounds SET launched_at = '2025-10-04T02:00:00Z' WHERE id = ?", roundId);

        JsonNode newYork = ApiCall.to(CAMPAIGNS, "GET /sends").as("v", "viewer").query("from", "2025-10-03")
                .query("to", "2025-10-03").query("tz", "America/New_York").send().json();
        JsonNode utc = ApiCall.to(CAMPAIGNS, "GET /sends").as("v", "viewer").query("from", "2025-10-03")
                .query("to", "2025-10-03").send().json();
        ApiCall.Response badZone = ApiCall.to(CAMPAIGNS, "GET /sends").as("v", "viewer").query("from", "2025-10-03")
                .query("to", "2025-10-03").query("tz", "Nowhere/Town").send();
        ApiCall.Response badDate = ApiCall.to(CAMPAIGNS, "GET /sends").as("v", "viewer").query("from", "03/10/2025")
                .query("to", "2025-10-03").send();

        assertThat(newYork.get("items")).extracting(i -> i.get("roundId").asText()).contains(roundId.toString());
        JsonNode item = newYork.get("items").get(0);
        assertThat(item.get("trigger").asText()).isEqualTo("schedule");
        assertThat(item.get("actor").asText()).isEqualTo("boss@example.com");
        assertThat(item.get("sent").asInt()).isEqualTo(1);
        assertThat(utc.get("items")).extracting(i -> i.get("roundId").asText()).doesNotContain(roundId.toString());
        assertThat(badZone.json().get("errors").get(0).get("field").asText()).isEqualTo("tz");
        assertThat(badDate.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    }

    @Test
    void aRoundThatIsNotDueOrNotApprovedIsNeverSent() throws Exception {
        String listId = list("email\nnot-due-" + UUID.randomUUID() + "@x.com\n");
        UUID due = dueRound(List.of(listId));
        execute("UPDATE rounds SET scheduled_at = now() + interval '1 hour' WHERE id = ?", due);
        UUID unapproved = dueRound(List.of(listId));
        execute("UPDATE rounds SET status = 'pending_approval', approved_by = NULL, approved_at = NULL WHERE id = ?",
                unapproved);

        launch();

        assertThat(round(due).get("status").asText()).isEqualTo("scheduled");
        assertThat(round(unapproved).get("status").asText()).isEqualTo("pending_approval");
        assertThat(outbox(due)).isZero();
        assertThat(outbox(unapproved)).isZero();
    }

    @Test
    void tenOverlappingLaunchesSendEachRecipientExactlyOnce() throws Exception {
        StringBuilder csv = new StringBuilder("email\n");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 40; i++) {
            csv.append("overlap").append(i).append('-').append(tag).append("@x.com\n");
        }
        UUID roundId = dueRound(List.of(list(csv.toString())));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<JsonNode>> launches = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                launches.add(LaunchDueRoundsHandlerTest::launch);
            }
            for (Future<JsonNode> result : pool.invokeAll(launches)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outbox(roundId)).isEqualTo(40);
        assertThat(count("SELECT count(*) FROM deliveries WHERE round_id = ? AND status = 'sent'", roundId)).isEqualTo(40);
        assertThat(round(roundId).get("status").asText()).isEqualTo("sent");
    }

    @Test
    void aRoundLeftSendingByADeadWorkerIsFinishedWithoutResending() throws Exception {
        StringBuilder csv = new StringBuilder("email\n");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 20; i++) {
            csv.append("resume").append(i).append('-').append(tag).append("@x.com\n");
        }
        UUID roundId = dueRound(List.of(list(csv.toString())));
        // A worker claimed it, wrote the ledger, sent 8 messages and died before recording the rest.
        execute("UPDATE rounds SET status = 'sending', lease_owner = 'dead', lease_expires_at = now() - interval '1 second',"
                + " launched_at = now(), trigger = 'schedule' WHERE id = ?", roundId);
        execute("INSERT INTO deliveries (round_id, contact_id, email, email_hash, status) SELECT ?, c.id, c.email, "
                + "c.email_hash, 'pending' FROM contacts c WHERE c.email LIKE ?", roundId, "resume%-" + tag + "@x.com");
        execute("UPDATE deliveries SET status = 'sent', sent_at = now(), attempts = 1 WHERE id IN (SELECT id FROM "
                + "deliveries WHERE round_id = ? ORDER BY id LIMIT 8)", roundId);

        launch();

        assertThat(round(roundId).get("status").asText()).isEqualTo("sent");
        assertThat(round(roundId).get("counts").get("sent").asInt()).isEqualTo(20);
        // Only the 12 that had not gone out reach the provider now.
        assertThat(outbox(roundId)).isEqualTo(12);
    }

    @Test
    void sendNowSendsAnApprovedRoundAtOnceAsAManualTriggerAndTheAuditTrailSaysWho() throws Exception {
        UUID roundId = dueRound(List.of(list("email\nnow-" + UUID.randomUUID() + "@x.com\n")));
        execute("UPDATE rounds SET scheduled_at = now() + interval '3 days' WHERE id = ?", roundId);

        ApiCall.Response byEditor = ApiCall.to(CAMPAIGNS, "POST /rounds/{roundId}/send-now", roundId).as("ed", "editor")
                .send();
        JsonNode now = ApiCall.to(CAMPAIGNS, "POST /rounds/{roundId}/send-now", roundId).as("boss", "approver")
                .send().json();
        launch();
        JsonNode audit = ApiCall.to(CAMPAIGNS, "GET /audit").as("v", "viewer").query("entityType", "round")
                .query("entityId", roundId.toString()).send().json();
        ApiCall.Response badFrom = ApiCall.to(CAMPAIGNS, "GET /audit").as("v", "viewer").query("from", "yesterday")
                .send();

        assertThat(byEditor.status()).isEqualTo(403);
        assertThat(now.get("trigger").asText()).isEqualTo("manual");
        assertThat(round(roundId).get("status").asText()).isEqualTo("sent");
        assertThat(outbox(roundId)).isEqualTo(1);
        assertThat(audit.get("items")).extracting(e -> e.get("action").asText())
                .contains("round.created", "round.submitted", "round.approved", "round.send_now", "round.sent");
        JsonNode sendNow = null;
        for (JsonNode event : audit.get("items")) {
            if (event.get("action").asText().equals("round.send_now")) {
                sendNow = event;
            }
        }
        assertThat(sendNow.get("actor").asText()).isEqualTo("boss@example.com");
        assertThat(sendNow.get("detail").get("before").get("trigger").isNull()).isTrue();
        assertThat(sendNow.get("detail").get("after").get("trigger").asText()).isEqualTo("manual");
        assertThat(sendNow.get("detail").get("requestId").asText()).isNotBlank();
        assertThat(badFrom.json().get("errors").get(0).get("field").asText()).isEqualTo("from");
    }

    @Test
    void aRoundThatFailsPreflightAtLaunchSendsNothingAndFailsWithTheChecklist() throws Exception {
        String email = "gone-" + UUID.randomUUID() + "@x.com";
        UUID roundId = dueRound(List.of(list("email\n" + email + "\n")));
        // Everyone on the list unsubscribed between approval and launch.
        ApiCall.to(LISTS, "POST /suppressions").as("ed", "editor").json(Map.of("email", email)).send();

        launch();
        JsonNode failed = round(roundId);

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("failureReason").asText()).startsWith("preflight failed: lists: ")
                .contains("no recipient that is not suppressed");
        assertThat(outbox(roundId)).isZero();
        // The team is told in the same transaction, with the checklist; the reminders sweep adds nothing.
        assertThat(count("SELECT count(*) FROM notifications WHERE dedup_key = ? AND severity = 'critical' "
                + "AND body LIKE '%no recipient that is not suppressed%' AND detail -> 'checklist' IS NOT NULL",
                "round:" + roundId + ":failed")).isEqualTo(1);
        new com.campaignmanager.functions.roundreminders.RoundRemindersHandler().handleRequest(
                SampleEvents.open("events/round-reminders/scheduled.json"), new ByteArrayOutputStream(), null);
        assertThat(count("SELECT count(*) FROM notifications WHERE dedup_key LIKE ?", "round:" + roundId + ":failed%"))
                .isEqualTo(1);
        // It never started sending, so nobody is told it did.
        assertThat(count("SELECT count(*) FROM notifications WHERE dedup_key LIKE ?", "round:" + roundId + ":launched%"))
                .isZero();
    }

    @Test
    void testSendsGoToAFewAddressesMarkedAsTestAndAreNeverCounted() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID roundId = dueRound(List.of(list("email,first_name\nreviewer-" + tag + "@x.com,Rita\n")));
        execute("UPDATE rounds SET scheduled_at = now() + interval '1 day' WHERE id = ?", roundId);

        JsonNode sent = ApiCall.to(CAMPAIGNS, "POST /rounds/{roundId}/test-send", roundId).as("ed", "editor")
                .json(Map.of("emails", List.of("reviewer-" + tag + "@x.com", "boss-" + tag + "@x.com"))).send().json();
        ApiCall.Response tooMany = ApiCall.to(CAMPAIGNS, "POST /rounds/{roundId}/test-send", roundId).as("ed", "editor")
                .json(Map.of("emails", List.of("a@x.com", "b@x.com", "c@x.com", "d@x.com", "e@x.com", "f@x.com")))
                .send();
        ApiCall.Response badAddress = ApiCall.to(CAMPAIGNS, "POST /rounds/{roundId}/test-send", roundId)
                .as("ed", "editor").json(Map.of("emails", List.of("ok@x.com", "nope"))).send();

        assertThat(sent.get("sent")).extracting(s -> s.get("status").asText()).containsExactly("sent", "sent");
        assertThat(count("SELECT count(*) FROM outbox_messages WHERE campaign_tag = ? AND test AND subject = "
                + "'[TEST] Hi Rita'", roundId.toString())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM deliveries WHERE round_id = ? AND test", roundId)).isEqualTo(2);
        assertThat(round(roundId).get("counts").get("sent").asInt()).isZero();
        assertThat(tooMany.json().get("errors").get(0).get("field").asText()).isEqualTo("emails");
        assertThat(badAddress.json().get("errors").get(0).get("field").asText()).isEqualTo("emails[1]");
    }

    @Test
    void metricsAreCollectedFromTheLedgerAndTheProvidersEvents() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID roundId = dueRound(List.of(list("email\nm1-" + tag + "@x.com\nm2-" + tag + "@x.com\n")));
        launch();
        // Mailjet reported two opens and a click of the first message (its CustomID is the delivery id).
        execute("INSERT INTO provider_events (provider, idempotency_key, event_type, custom_id, occurred_at, payload) "
                + "SELECT 'mailjet', 'k-' || e.n || '-' || d.id, e.type, d.id::text, now(), '{}'::jsonb "
                + "FROM (SELECT id FROM deliveries WHERE round_id = ? ORDER BY id LIMIT 1) d, "
                + "(VALUES (1, 'open'), (2, 'open'), (3, 'click')) AS e(n, type)", roundId);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new com.campaignmanager.functions.collectmetrics.CollectMetricsHandler().handleRequest(
                SampleEvents.open("events/collect-metrics/scheduled.json"), out, null);
        JsonNode figures = ApiCall.to(CAMPAIGNS, "GET /rounds/{roundId}/metrics", roundId).as("v", "viewer").send()
                .json();

        JsonNode latest = figures.get("latest");
        assertThat(latest.get("sent").asInt()).isEqualTo(2);
        assertThat(latest.get("opens").asInt()).isEqualTo(2);
        assertThat(latest.get("uniqueOpens").asInt()).isEqualTo(1);
        assertThat(latest.get("clicks").asInt()).isEqualTo(1);
        assertThat(figures.get("history")).hasSize(1);
    }
}
