package com.campaignmanager.functions.bouncecleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.SampleEvents;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.ProviderEvent;
import com.campaignmanager.shared.audience.ProviderEventRepository;
import com.campaignmanager.shared.audience.SuppressionReason;
import com.campaignmanager.shared.audience.SuppressionRepository;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.json.JsonMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The nightly bounce cleanup, on a real PostgreSQL behind the local Data API. */
@ExtendWith(LocalDataApiExtension.class)
class BounceCleanupHandlerTest {
    private static final ObjectMapper JSON = JsonMapper.create();
    private static BounceCleanupHandler HANDLER;
    private static Database DB;

    @BeforeAll
    static void schema() {
        DB = FunctionDatabase.get();
        HANDLER = new BounceCleanupHandler();
    }

    @Test
    void removesSuppressedContactsFromListsAppliesTheSoftBounceRuleAndIsIdempotent() throws Exception {
        UUID newsletter = createList("Newsletter");
        UUID offers = createList("Offers");
        String hardBounced = address("hard");
        String softBounced = address("soft");
        String stale = address("stale");
        String kept = address("kept");
        UUID hardId = createContact(hardBounced, newsletter, offers);
        UUID softId = createContact(softBounced, newsletter);
        UUID staleId = createContact(stale, offers);
        UUID keptId = createContact(kept, newsletter, offers);
        new SuppressionRepository(new AuditTrail(JsonMapper.create())).suppress(DB, EmailAddress.parse(hardBounced),
                SuppressionReason.HARD_BOUNCE, "provider:mailjet:test", null, "provider:mailjet");
        // Three soft bounces stored by webhook requests but not yet counted (e.g. the limit was raised since).
        store(softBounce(softBounced, 25), softBounce(softBounced, 12), softBounce(softBounced, 1));
        // A hard bounce a failed webhook request stored an hour ago and never applied.
        store(new ProviderEvent("mailjet", UUID.randomUUID().toString(), "bounce", EmailAddress.parse(stale), "2",
                null, Instant.now().minus(Duration.ofHours(1)), "{\"event\":\"bounce\"}",
                SuppressionReason.HARD_BOUNCE, false));
        DB.update("UPDATE provider_events SET received_at = now() - interval '1 hour' WHERE email_hash = :emailHash",
                Params.of("emailHash", EmailAddress.parse(stale).hash()));

        JsonNode first = run();
        JsonNode second = run();

        assertThat(first.get("softBounceSuppressed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(first.get("membershipsRemoved").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(second.get("softBounceSuppressed").asLong()).isZero();
        assertThat(second.get("membershipsRemoved").asLong()).isZero();
        assertThat(suppression(softBounced)).isEqualTo("soft_bounce_limit");
        assertThat(suppression(stale)).isEqualTo("hard_bounce");
        assertThat(memberships(hardId)).isZero();
        assertThat(memberships(softId)).isZero();
        assertThat(memberships(staleId)).isZero();
        assertThat(memberships(keptId)).isEqualTo(2);
        // The contacts stay, and their history shows why they left each list.
        assertThat(contactExists(hardId)).isTrue();
        assertThat(removals(hardId)).containsExactlyInAnyOrder(newsletter.toString(), offers.toString());
        assertThat(removals(softId)).containsExactly(newsletter.toString());
        assertThat(removals(keptId)).isEmpty();
        // The team hears of the night's results once, however often the job ran.
        long notices = com.campaignmanager.functions.testing.FunctionDatabase.get().querySingle(
                "SELECT count(*) AS n FROM notifications WHERE type = 'lists.cleaned' "
                        + "AND dedup_key = 'lists:bounce-cleanup:' || (now() AT TIME ZONE 'UTC')::date",
                com.campaignmanager.shared.db.Params.of(), r -> r.longValue("n"));
        assertThat(notices).isEqualTo(1);
    }

    private static JsonNode run() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HANDLER.handleRequest(SampleEvents.open("events/bounce-cleanup/scheduled.json"), out, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static ProviderEvent softBounce(String email, int daysAgo) {
        return new ProviderEvent("mailjet", UUID.randomUUID().toString(), "bounce", EmailAddress.parse(email), "1",
                null, Instant.now().minus(Duration.ofDays(daysAgo)), "{\"event\":\"bounce\",\"hard_bounce\":false}",
                null, true);
    }

    private static void store(ProviderEvent... events) {
        DB.inTransaction(tx -> new ProviderEventRepository(JSON).store(tx, List.of(events)));
    }

    private static UUID createList(String name) {
        return DB.querySingle("INSERT INTO lists (name) VALUES (:name) RETURNING id",
                Params.of("name", name + " " + UUID.randomUUID()), r -> r.uuid("id"));
    }

    private static UUID createContact(String email, UUID... lists) {
        EmailAddress address = EmailAddress.parse(email);
        UUID id = DB.querySingle("""
                INSERT INTO contacts (email, email_key, email_hash) VALUES (:email, :emailKey, :emailHash)
                RETURNING id""", Params.of("email", address.value()).put("emailKey", address.key())
                .put("emailHash", address.hash()), r -> r.uuid("id"));
        for (UUID list : lists) {
            DB.update("INSERT INTO list_members (list_id, contact_id, source) VALUES (:listId, :contactId, 'test')",
                    Params.of("listId", list).put("contactId", id));
        }
        return id;
    }

    private static String address(String name) {
        return "cleanup-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String suppression(String email) {
        return DB.queryOptional("SELECT reason FROM suppressions WHERE email_hash = :emailHash",
                Params.of("emailHash", EmailAddress.parse(email).hash()), r -> r.string("reason")).orElse(null);
    }

    private static long memberships(UUID contactId) {
        return DB.querySingle("SELECT count(*) AS n FROM list_members WHERE contact_id = :contactId",
                Params.of("contactId", contactId), r -> r.longValue("n"));
    }

    private static boolean contactExists(UUID contactId) {
        return DB.queryOptional("SELECT id FROM contacts WHERE id = :contactId", Params.of("contactId", contactId),
                r -> r.uuid("id")).isPresent();
    }

    private static List<String> removals(UUID contactId) {
        return DB.query("""
                SELECT detail->>'listId' AS list_id FROM audit_events
                WHERE entity_type = 'contact' AND entity_id = :contactId AND action = 'contact.removed-from-list'
                  AND actor = 'job:bounce-cleanup'""", Params.of("contactId", contactId.toString()),
                r -> r.string("list_id"));
    }
}
