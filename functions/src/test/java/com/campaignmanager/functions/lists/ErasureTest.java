package com.campaignmanager.functions.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.campaigns.CampaignsHandler;
import com.campaignmanager.functions.launchduerounds.LaunchDueRoundsHandler;
import com.campaignmanager.functions.mailjet.MailjetEventsHandler;
import com.campaignmanager.functions.tasks.TasksHandler;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleEvents;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Erasure leaves the person nowhere: after a contact has been on a list, mailed by a round, sent a test, reported on
 * by the provider, edited, suppressed, and named in a task and its notification, every text and JSON column of
 * every table is searched for the address (in any case) and the names. The columns come from the schema itself,
 * so a column added later is searched the day it is added.
 */
@ExtendWith(LocalDataApiExtension.class)
class ErasureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBHOOK_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("mailjet:local-webhook-secret".getBytes(StandardCharsets.UTF_8));
    private static ListsHandler lists;
    private static CampaignsHandler campaigns;
    private static LaunchDueRoundsHandler launcher;
    private static MailjetEventsHandler webhook;
    private static TasksHandler tasks;
    private static Database db;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        db = FunctionDatabase.get();
        lists = new ListsHandler();
        campaigns = new CampaignsHandler();
        launcher = new LaunchDueRoundsHandler();
        webhook = new MailjetEventsHandler();
        tasks = new TasksHandler();
    }

    @Test
    void anErasedPersonIsInNoColumnOfAnyTableAndLaterEventsDoNotBringThemBack() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String typed = "Erin.Forgotten-" + tag + "@Example.org";
        EmailAddress address = EmailAddress.parse(typed);
        String firstName = "Erinna" + tag;
        String lastName = "Vanishing" + tag;
        String secret = "shoe-size-" + tag;
        List<String> person = List.of(address.key(), firstName.toLowerCase(Locale.ROOT),
                lastName.toLowerCase(Locale.ROOT), secret);

        String listId = ApiCall.to(lists, "POST /lists").as("ed", "editor").json(Map.of("name", "Erasure " + tag))
                .send().json().get("id").asText();
        ApiCall.to(lists, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", typed, "firstName", "Someone")).send();
        String contactId = ApiCall.to(lists, "GET /lists/{listId}/contacts", listId).as("ed", "editor").send()
                .json().get("items").get(0).get("id").asText();
        // An edit: its audit snapshots hold the names and attributes.
        assertThat(ApiCall.to(lists, "PATCH /contacts/{contactId}", contactId).as("ed", "editor")
                .json(Map.of("firstName", firstName, "lastName", lastName, "attributes", Map.of("note", secret)))
                .send().status()).isEqualTo(200);

        // A round to the list (rendered with the names and the address), and a test send to the address as typed
        // in another case.
        UUID roundId = dueRound(listId, tag);
        launch();
        Response test = ApiCall.to(campaigns, "POST /rounds/{roundId}/test-send", roundId).as("ed", "editor")
                .json(Map.of("emails", List.of(typed.toLowerCase(Locale.ROOT)))).send();
        assertThat(test.status()).as(test.toString()).isEqualTo(200);
        String deliveryId = db.querySingle("SELECT id FROM deliveries WHERE round_id = :roundId AND NOT test",
                Params.of("roundId", roundId), r -> r.uuid("id")).toString();

        // What the provider reports about it, a task (and its notification) that quotes it, then a suppression.
        assertThat(webhook(event("open", typed, deliveryId)).getStatusCode()).isEqualTo(200);
        String assigneeId = db.querySingle("INSERT INTO team_members (email, role) VALUES (:email, 'editor') "
                + "RETURNING id", Params.of("email", "assignee-" + tag + "@team.example.com"), r -> r.uuid("id"))
                .toString();
        String campaignId = db.querySingle("SELECT campaign_id FROM rounds WHERE id = :roundId",
                Params.of("roundId", roundId), r -> r.uuid("campaign_id")).toString();
        Response task = ApiCall.to(tasks, "POST /campaigns/{campaignId}/tasks", campaignId).as("ed", "editor")
                .json(Map.of("title", "Call " + typed + " back", "notes", "ask " + address.key() + " first",
                        "assigneeId", assigneeId)).send();
        assertThat(task.status()).as(task.toString()).isEqualTo(201);
        assertThat(ApiCall.to(lists, "POST /suppressions").as("ed", "editor").json(Map.of("email", typed)).send()
                .status()).isEqualTo(201);

        assertThat(columnsHolding(person)).as("the person is in these places before the erasure").contains(
                "contacts.email", "contacts.first_name", "contacts.last_name", "contacts.attributes",
                "outbox_messages.to_email", "outbox_messages.subject", "outbox_messages.html_body",
                "outbox_messages.text_body", "deliveries.email", "provider_events.email", "provider_events.payload",
                "audit_events.detail", "notifications.title", "notifications.body", "tasks.title", "tasks.notes",
                "suppressions.email");

        Response erased = ApiCall.to(lists, "DELETE /contacts/{contactId}", contactId).as("root", "admin").send();
        // Events keep arriving after the erasure: an open, and an unsubscribe through the provider.
        assertThat(webhook(event("open", typed, deliveryId), event("unsub", " " + typed.toUpperCase(Locale.ROOT),
                deliveryId)).getStatusCode()).isEqualTo(200);

        assertThat(erased.status()).isEqualTo(204);
        assertThat(columnsHolding(person)).as("columns that still hold the address or the names").isEmpty();
        String suppression = db.querySingle("SELECT reason, email FROM suppressions WHERE email_hash = :hash",
                Params.of("hash", address.hash()), r -> r.string("reason") + "/" + r.string("email"));
        String events = db.querySingle("SELECT count(*) AS n, count(email) AS addresses FROM provider_events "
                + "WHERE email_hash = :hash", Params.of("hash", address.hash()),
                r -> r.longValue("n") + "/" + r.longValue("addresses"));
        long ledger = db.querySingle("SELECT count(*) AS n FROM deliveries WHERE email_hash = :hash",
                Params.of("hash", address.hash()), r -> r.longValue("n"));
        assertThat(suppression).isEqualTo("erased/null");
        assertThat(events).as("events, and how many keep the address").isEqualTo("3/0");
        assertThat(ledger).as("the ledger keeps its facts: the round's send and the test").isEqualTo(2);
        assertThat(ApiCall.to(lists, "GET /contacts/{contactId}/history", contactId).as("ed", "editor").send()
                .status()).isEqualTo(404);
    }

    /** {@code table.column} of every text or JSON column (any table) that contains one of {@code needles}. */
    private static TreeSet<String> columnsHolding(List<String> needles) {
        List<String[]> columns = db.query("SELECT table_name, column_name FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND (data_type IN ('text', 'character varying', "
                        + "'character', 'json', 'jsonb') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))",
                Params.of(), r -> new String[] {r.string("table_name"), r.string("column_name")});
        assertThat(columns).hasSizeGreaterThan(50);
        TreeSet<String> holding = new TreeSet<>();
        for (String[] column : columns) {
            String sql = "SELECT count(*) AS n FROM \"" + column[0] + "\" WHERE \"" + column[1] + "\" IS NOT NULL AND ("
                    + String.join(" OR ", needles.stream().map(n -> "strpos(lower(\"" + column[1] + "\"::text), :n"
                    + needles.indexOf(n) + ") > 0").toList()) + ")";
            Params params = Params.of();
            for (int i = 0; i < needles.size(); i++) {
                params.put("n" + i, needles.get(i));
            }
            if (db.querySingle(sql, params, r -> r.longValue("n")) > 0) {
                holding.add(column[0] + "." + column[1]);
            }
        }
        return holding;
    }

    private static UUID dueRound(String listId, String tag) {
        String campaignId = ApiCall.to(campaigns, "POST /campaigns").as("ed", "editor").json(Map.of(
                "name", "Erasure " + tag, "fromEmail", "news@example.com")).send().json().get("id").asText();
        String roundId = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "Round", "subject", "Hi {{firstName}}",
                        "htmlBody", "<p>Hello {{firstName}} {{lastName}} ({{email}})</p>",
                        "textBody", "Hello {{firstName}} {{lastName}} <{{email}}>, bye: {{unsubscribeUrl}}",
                        "listIds", List.of(listId), "scheduledAt", "2031-01-01T09:00:00Z")).send().json()
                .get("id").asText();
        ApiCall.to(campaigns, "POST /rounds/{roundId}/submit", roundId).as("ed", "editor").send();
        Response approved = ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", roundId).as("boss", "approver")
                .send();
        assertThat(approved.json().get("status").asText()).as(approved.toString()).isEqualTo("scheduled");
        db.update("UPDATE rounds SET scheduled_at = now() - interval '1 minute' WHERE id = :roundId",
                Params.of("roundId", UUID.fromString(roundId)));
        return UUID.fromString(roundId);
    }

    private static void launch() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        launcher.handleRequest(SampleEvents.open("events/launch-due-rounds/scheduled.json"), out, null);
    }

    private static Map<String, Object> event(String type, String email, String customId) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", type);
        event.put("time", Instant.now().getEpochSecond());
        event.put("MessageID", Math.abs(UUID.randomUUID().getMostSignificantBits()));
        event.put("email", email);
        event.put("CustomID", customId);
        event.put("Payload", "");
        return event;
    }

    @SafeVarargs
    private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse webhook(
            Map<String, Object>... events) throws Exception {
        List<Map<String, Object>> body = new ArrayList<>(List.of(events));
        return ApiCall.from(webhook, "events/mailjet-events/event-batch.json").header("authorization", WEBHOOK_AUTH)
                .json(JSON.writeValueAsString(body)).send().raw();
    }
}
