package com.campaignmanager.functions.mailjet;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.ProviderEventRepository;
import com.campaignmanager.shared.audience.mailjet.MailjetEvent;
import com.campaignmanager.shared.audience.mailjet.MailjetEvents;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** MailjetEventsFunction through its handler, on a real PostgreSQL behind the local Data API. */
@ExtendWith(LocalDataApiExtension.class)
class MailjetEventsHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD_AUTH = basic("mailjet", "local-webhook-secret");
    private static final String BATCH = "events/mailjet-events/event-batch.json";
    private static MailjetEventsHandler HANDLER;
    private static Database DB;

    @BeforeAll
    static void schema() {
        DB = FunctionDatabase.get();
        HANDLER = new MailjetEventsHandler();
    }

    @ParameterizedTest(name = "events/mailjet-events, sample {index}")
    @Events(folder = "events/mailjet-events", type = APIGatewayV2HTTPEvent.class)
    void everySampleEventIsTakenWhole(APIGatewayV2HTTPEvent sample) throws Exception {
        int events = JSON.readTree(sample.getBody()).size();

        APIGatewayV2HTTPResponse answer = HANDLER.handleRequest(sample, null);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
        assertThat(read(answer).get("received").asInt()).isEqualTo(events);

        Map<String, String> withoutCredentials = new HashMap<>(sample.getHeaders());
        withoutCredentials.remove("authorization");
        sample.setHeaders(withoutCredentials);
        assertThat(HANDLER.handleRequest(sample, null).getStatusCode()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ authentication and malformed bodies

    @Test
    void withoutAWebhookPasswordTheFunctionDoesNotStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookCredentials.from(
                com.campaignmanager.shared.config.Environment.of(Map.of("MAILJET_WEBHOOK_USER", "mailjet"))))
                .hasMessageContaining("MAILJET_WEBHOOK_PASSWORD");
    }

    @Test
    void missingOrWrongCredentialsAre401AndStoreNothing() {
        String email = address("auth");
        String body = json(List.of(event("spam", email, now(), Map.of("source", "JMRPP"))));

        List<APIGatewayV2HTTPResponse> refused = List.of(
                post(body, null),
                post(body, basic("mailjet", "wrong-secret")),
                post(body, basic("someone", "local-webhook-secret")),
                post(body, "Bearer local-webhook-secret"),
                post(body, "Basic %%%not-base64%%%"));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(401);
            assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(response.getHeaders().get("www-authenticate")).startsWith("Basic ");
            assertThat(read(response).get("status").asInt()).isEqualTo(401);
        });
        assertThat(storedEvents(email)).isZero();
        assertThat(suppression(email)).isNull();
    }

    @Test
    void malformedBodiesAre400AndStoreNothingOfTheBatch() {
        String email = address("malformed");
        Map<String, Object> good = event("unsub", email, now(), Map.of());

        List<APIGatewayV2HTTPResponse> refused = List.of(
                post(json(List.of(good)).substring(0, 40), GOOD_AUTH),
                post("[" + json(good) + ", 42]", GOOD_AUTH),
                post("[" + json(good) + ", [\"nested\"]]", GOOD_AUTH),
                post("\"just a string\"", GOOD_AUTH),
                post("", GOOD_AUTH));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
            assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        });
        assertThat(read(refused.get(1)).get("detail").asText()).contains("[1]");
        assertThat(storedEvents(email)).isZero();
        assertThat(suppression(email)).isNull();
    }

    // ------------------------------------------------------------------ what each event does

    @Test
    void everyEventTypeIsStoredAndOnlySuppressingOnesSuppress() {
        String hard = address("hard");
        String soft = address("soft");
        String blocked = address("blocked");
        String spam = address("spam");
        String unsub = address("unsub");
        String reader = address("reader");
        String unknown = address("unknown");
        long t = now();
        List<Map<String, Object>> batch = List.of(
                event("bounce", hard, t, Map.of("hard_bounce", true, "blocked", false,
                        "error_related_to", "recipient", "error", "user unknown", "comment", "550 5.1.1")),
                event("bounce", soft, t, Map.of("hard_bounce", false, "blocked", false,
                        "error_related_to", "recipient", "error", "mailbox full")),
                event("blocked", blocked, t, Map.of("error_related_to", "recipient", "error", "user unknown")),
                event("spam", spam, t, Map.of("source", "JMRPP")),
                event("unsub", unsub, t, Map.of("mj_list_id", 1424, "ip", "198.51.100.4", "geo", "DE",
                        "agent", "Mozilla/5.0")),
                event("sent", reader, t, Map.of("smtp_reply", "250 OK")),
                event("open", reader, t + 60, Map.of("ip", "203.0.113.7", "geo", "FR", "agent", "Mozilla/5.0")),
                event("click", reader, t + 90, Map.of("url", "https://example.com/offer", "ip", "203.0.113.7")),
                event("forward", unknown, t, Map.of()));

        APIGatewayV2HTTPResponse response = post(json(batch), GOOD_AUTH);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(read(response)).isEqualTo(receipt(9, 9, 0, 5));
        assertThat(suppression(hard)).isEqualTo("hard_bounce");
        assertThat(suppression(blocked)).isEqualTo("blocked");
        assertThat(suppression(spam)).isEqualTo("spam_complaint");
        assertThat(suppression(unsub)).isEqualTo("unsubscribed");
        assertThat(suppression(soft)).isNull();
        assertThat(suppression(reader)).isNull();
        assertThat(suppression(unknown)).isNull();
        assertThat(suppressionSource(hard)).matches("provider:mailjet:[0-9a-f]{64}");
        assertThat(storedEvents(reader)).isEqualTo(3);
        assertThat(storedEvents(unknown)).isEqualTo(1);
        Map<String, Object> stored = DB.querySingle("""
                SELECT event_type, email, message_id, custom_id, occurred_at, payload->>'url' AS url,
                       applied_at IS NOT NULL AS applied, result
                FROM provider_events WHERE email_hash = :emailHash AND event_type = 'click'""",
                Params.of("emailHash", EmailAddress.parse(reader).hash()), r -> Map.of(
                        "email", r.string("email"), "messageId", r.string("message_id"),
                        "customId", r.string("custom_id"), "occurredAt", r.instant("occurred_at"),
                        "url", r.string("url"), "applied", r.bool("applied"), "result", r.string("result")));
        assertThat(stored).containsEntry("email", reader).containsEntry("messageId", "19421777835146490")
                .containsEntry("customId", "delivery-" + reader).containsEntry("url", "https://example.com/offer")
                .containsEntry("occurredAt", Instant.ofEpochSecond(t + 90)).containsEntry("applied", true)
                .containsEntry("result", "recorded");
    }

    @Test
    void aSingleEventObjectOrAnEmptyBatchIsAcceptedAndAddressesAreNormalised() {
        String email = address("single");
        APIGatewayV2HTTPResponse response = post(json(event("unsub", "  " + email.toUpperCase(), now(), Map.of())),
                GOOD_AUTH);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(read(response)).isEqualTo(receipt(1, 1, 0, 1));
        assertThat(suppression(email)).isEqualTo("unsubscribed");
        assertThat(read(post("[]", GOOD_AUTH))).isEqualTo(receipt(0, 0, 0, 0));
    }

    @Test
    void aBlockBecauseOfCampaignDeduplicationDoesNotSuppress() {
        String email = address("dedup");
        APIGatewayV2HTTPResponse response = post(json(List.of(event("blocked", email, now(),
                Map.of("error_related_to", "mailjet", "error", "duplicate in campaign")))), GOOD_AUTH);

        assertThat(read(response)).isEqualTo(receipt(1, 1, 0, 0));
        assertThat(suppression(email)).isNull();
    }

    @Test
    void aSpamComplaintReplacesAReasonThatCouldBeLifted() {
        String email = address("upgrade");
        post(json(List.of(event("unsub", email, now() - 60, Map.of()))), GOOD_AUTH);
        post(json(List.of(event("spam", email, now(), Map.of("source", "JMRPP")))), GOOD_AUTH);

        assertThat(suppression(email)).isEqualTo("spam_complaint");
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void aReplayedBatchIsRecognisedAndNothingIsAppliedTwice() {
        String spam = address("replay-spam");
        String soft = address("replay-soft");
        long t = now();
        List<Map<String, Object>> batch = List.of(
                event("spam", spam, t, Map.of("source", "JMRPP")),
                event("bounce", soft, t - 3600, Map.of("hard_bounce", false)),
                event("bounce", soft, t - 7200, Map.of("hard_bounce", false)),
                // The same event twice in one batch is one event.
                event("bounce", soft, t - 7200, Map.of("hard_bounce", false)));

        JsonNode first = read(post(json(batch), GOOD_AUTH));
        Instant suppressedAt = suppressedAt(spam);
        JsonNode second = read(post(json(batch), GOOD_AUTH));
        // Field order and address case differ; the event is the same.
        Map<String, Object> reordered = new LinkedHashMap<>(event("spam", spam.toUpperCase(), t,
                Map.of("source", "JMRPP")));
        JsonNode third = read(post(json(List.of(reverse(reordered))), GOOD_AUTH));

        assertThat(first).isEqualTo(receipt(4, 3, 1, 3));
        assertThat(second).isEqualTo(receipt(4, 0, 4, 0));
        assertThat(third).isEqualTo(receipt(1, 0, 1, 0));
        assertThat(storedEvents(spam)).isEqualTo(1);
        assertThat(storedEvents(soft)).isEqualTo(2);
        assertThat(suppressedAt(spam)).isEqualTo(suppressedAt);
        // Two soft bounces, however often they are sent, are still two.
        assertThat(suppression(soft)).isNull();
    }

    @Test
    void eventsStoredButNotAppliedAreAppliedWhenMailjetResends() {
        String email = address("interrupted");
        String body = json(List.of(event("bounce", email, now(), Map.of("hard_bounce", true))));
        // As if a first request stored the batch and then failed before applying it (and answered 5xx).
        ObjectMapper json = JsonMapper.create();
        List<MailjetEvent> parsed = MailjetEvents.parse(body, json);
        DB.inTransaction(tx -> new ProviderEventRepository(json).store(tx,
                parsed.stream().map(e -> e.toProviderEvent(Instant.now())).toList()));
        assertThat(suppression(email)).isNull();

        JsonNode resent = read(post(body, GOOD_AUTH));

        assertThat(resent).isEqualTo(receipt(1, 0, 1, 1));
        assertThat(suppression(email)).isEqualTo("hard_bounce");
    }

    // ------------------------------------------------------------------ the soft-bounce rule

    @Test
    void threeSoftBouncesWithinThirtyDaysSuppress() {
        String email = address("three-soft");
        post(json(List.of(softBounce(email, daysAgo(20)), softBounce(email, daysAgo(10)))), GOOD_AUTH);
        assertThat(suppression(email)).isNull();

        JsonNode third = read(post(json(List.of(softBounce(email, daysAgo(0)))), GOOD_AUTH));

        assertThat(third).isEqualTo(receipt(1, 1, 0, 1));
        assertThat(suppression(email)).isEqualTo("soft_bounce_limit");
        assertThat(suppressionSource(email)).matches("provider:mailjet:[0-9a-f]{64}");
    }

    @Test
    void twoSoftBouncesDoNotSuppress() {
        String email = address("two-soft");
        post(json(List.of(softBounce(email, daysAgo(2)), softBounce(email, daysAgo(1)))), GOOD_AUTH);

        assertThat(suppression(email)).isNull();
    }

    @Test
    void threeSoftBouncesSpreadOverSixtyDaysDoNotSuppress() {
        String email = address("spread-soft");
        post(json(List.of(softBounce(email, daysAgo(59)), softBounce(email, daysAgo(31)),
                softBounce(email, daysAgo(1)))), GOOD_AUTH);

        assertThat(suppression(email)).isNull();
    }

    @Test
    void eventsShowInTheContactsHistory() {
        String email = address("history");
        com.campaignmanager.functions.lists.ListsHandler lists = new com.campaignmanager.functions.lists.ListsHandler();
        String listId = com.campaignmanager.functions.testing.ApiCall.to(lists, "POST /lists").as("ed", "editor")
                .json(Map.of("name", "History " + System.nanoTime())).send().json().get("id").asText();
        com.campaignmanager.functions.testing.ApiCall.to(lists, "POST /lists/{listId}/contacts", listId)
                .as("ed", "editor").json(Map.of("email", email)).send();
        String contactId = com.campaignmanager.functions.testing.ApiCall.to(lists, "GET /lists/{listId}/contacts", listId)
                .as("ed", "editor").send().json().get("items").get(0).get("id").asText();

        post(json(List.of(event("open", email, now(), Map.of()))), GOOD_AUTH);
        JsonNode history = com.campaignmanager.functions.testing.ApiCall.to(lists, "GET /contacts/{contactId}/history",
                contactId).as("ed", "editor").send().json();

        assertThat(history.get("providerEvents")).extracting(e -> e.get("type").asText()).containsExactly("open");
        assertThat(history.get("memberships")).hasSize(1);
    }

    // ------------------------------------------------------------------ helpers

    /** Mailjet's sample call of events/mailjet-events/, with this body and authorization (none when null). */
    static APIGatewayV2HTTPResponse post(String body, String authorization) {
        ApiCall call = ApiCall.from(HANDLER, BATCH).json(body);
        return (authorization == null ? call.withoutHeader("authorization")
                : call.header("authorization", authorization)).send().raw();
    }

    static Map<String, Object> event(String type, String email, long time, Map<String, Object> extra) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", type);
        event.put("time", time);
        event.put("MessageID", 19421777835146490L);
        event.put("Message_GUID", "1ab23cd4-e567-8901-2345-6789f0a1b2c3");
        event.put("email", email);
        event.put("mj_campaign_id", 7257);
        event.put("mj_contact_id", 4);
        event.put("customcampaign", "round-test");
        event.put("CustomID", "delivery-" + email.strip().toLowerCase());
        event.put("Payload", "");
        event.putAll(extra);
        return event;
    }

    private static Map<String, Object> softBounce(String email, long time) {
        return event("bounce", email, time, Map.of("hard_bounce", false, "blocked", false,
                "error_related_to", "recipient", "error", "mailbox full"));
    }

    private static Map<String, Object> reverse(Map<String, Object> event) {
        List<String> keys = new ArrayList<>(event.keySet());
        Map<String, Object> reversed = new LinkedHashMap<>();
        for (int i = keys.size() - 1; i >= 0; i--) {
            reversed.put(keys.get(i), event.get(keys.get(i)));
        }
        return reversed;
    }

    static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static long daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days)).getEpochSecond();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode receipt(int received, int stored, int duplicates, int applied) {
        return JSON.valueToTree(Map.of("received", received, "stored", stored, "duplicates", duplicates,
                "applied", applied));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    static long storedEvents(String email) {
        return DB.querySingle("SELECT count(*) AS n FROM provider_events WHERE email_hash = :emailHash",
                Params.of("emailHash", EmailAddress.parse(email).hash()), r -> r.longValue("n"));
    }

    static String suppression(String email) {
        return DB.queryOptional("SELECT reason FROM suppressions WHERE email_hash = :emailHash",
                Params.of("emailHash", EmailAddress.parse(email).hash()), r -> r.string("reason")).orElse(null);
    }

    private static String suppressionSource(String email) {
        return DB.querySingle("SELECT source FROM suppressions WHERE email_hash = :emailHash",
                Params.of("emailHash", EmailAddress.parse(email).hash()), r -> r.string("source"));
    }

    private static Instant suppressedAt(String email) {
        return DB.querySingle("SELECT created_at FROM suppressions WHERE email_hash = :emailHash",
                Params.of("emailHash", EmailAddress.parse(email).hash()), r -> r.instant("created_at"));
    }
}
