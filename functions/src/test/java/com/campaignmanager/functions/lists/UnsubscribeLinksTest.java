package com.campaignmanager.functions.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.campaigns.CampaignsHandler;
import com.campaignmanager.functions.launchduerounds.LaunchDueRoundsHandler;
import com.campaignmanager.functions.listmaintenance.ListMaintenanceHandler;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleEvents;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.UnsubscribeSigningKey;
import com.campaignmanager.shared.audience.UnsubscribeTokens;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The unsubscribe link of a message that really went out (read from the outbox) suppresses the address it was sent
 * to even when no contact has it any more, and the page never promises that without a suppression.
 */
@ExtendWith(LocalDataApiExtension.class)
class UnsubscribeLinksTest {
    private static final String PROMISE = "You will not receive these e-mails any more.";
    private static ListsHandler lists;
    private static CampaignsHandler campaigns;
    private static LaunchDueRoundsHandler launcher;
    private static Database db;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        db = FunctionDatabase.get();
        lists = new ListsHandler();
        campaigns = new CampaignsHandler();
        launcher = new LaunchDueRoundsHandler();
    }

    @Test
    void theLinkOfAContactMergedIntoAnotherSuppressesTheAddressItWasSentTo() throws Exception {
        String tag = tag();
        String email = "mia-" + tag + "@example.com";
        String listId = listWith(email);
        UUID roundId = sendRound(listId);
        String token = tokenSentTo(email);
        // An older contact for the same address, with a stray space (data that did not come through the API): the
        // weekly merge keeps it and deletes the one that was mailed.
        db.update("INSERT INTO contacts (email, email_key, email_hash, created_at) VALUES (:email, lower(:email), "
                + "repeat('e', 64), '2000-01-01T00:00:00Z')", Params.of("email", " " + email));
        new ListMaintenanceHandler().handleRequest(new ByteArrayInputStream(
                Files.readAllBytes(Path.of("..", "events", "list-maintenance", "scheduled.json"))),
                new ByteArrayOutputStream(), null);
        assertThat(contactHolding(email)).as("the mailed contact was merged away").isEmpty();

        Response page = ApiCall.to(lists, "GET /unsubscribe").query("token", token).send();
        Response unsubscribed = unsubscribe(token);

        assertThat(page.raw().getBody()).contains("m***@example.com");
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(unsubscribed.raw().getBody()).contains(PROMISE);
        assertThat(suppression(email)).isEqualTo("unsubscribed/" + roundId);
    }

    @Test
    void theLinkOfAnErasedContactFindsItsAddressSuppressedAndNeverShowsIt() throws Exception {
        String tag = tag();
        String email = "noor-" + tag + "@example.com";
        String listId = listWith(email);
        sendRound(listId);
        String token = tokenSentTo(email);
        String contactId = contactHolding(email).orElseThrow();
        assertThat(ApiCall.to(lists, "DELETE /contacts/{contactId}", contactId).as("root", "admin").send().status())
                .isEqualTo(204);

        Response page = ApiCall.to(lists, "GET /unsubscribe").query("token", token).send();
        Response unsubscribed = unsubscribe(token);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().getBody()).contains("your address").doesNotContain("n***");
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(unsubscribed.raw().getBody()).contains(PROMISE);
        assertThat(suppression(email)).startsWith("erased/");
    }

    @Test
    void theLinkOfATestRecipientWhoIsNoContactSuppressesTheirAddress() throws Exception {
        String tag = tag();
        String reviewer = "Reviewer-" + tag + "@Example.com";
        UUID roundId = sendRound(listWith("someone-" + tag + "@example.com"));
        Response sent = ApiCall.to(campaigns, "POST /rounds/{roundId}/test-send", roundId).as("ed", "editor")
                .json(Map.of("emails", List.of(reviewer))).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        String token = tokenSentTo(EmailAddress.parse(reviewer).value());

        Response page = ApiCall.to(lists, "GET /unsubscribe").query("token", token).send();
        Response unsubscribed = unsubscribe(token);
        Response again = unsubscribe(token);

        assertThat(page.raw().getBody()).contains("R***@example.com");
        assertThat(unsubscribed.raw().getBody()).contains(PROMISE);
        assertThat(again.raw().getBody()).contains(PROMISE);
        assertThat(suppression(reviewer)).isEqualTo("unsubscribed/" + roundId);
    }

    @Test
    void aLinkWhoseAddressLeftNoTraceSaysSoInsteadOfPromising() {
        String token = new UnsubscribeTokens(UnsubscribeSigningKey.from(Environment.system())).create(UUID.randomUUID(), UUID.randomUUID());

        Response unsubscribed = unsubscribe(token);

        assertThat(unsubscribed.status()).isEqualTo(404);
        assertThat(unsubscribed.raw().getBody()).doesNotContain(PROMISE).contains("could not find");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response unsubscribe(String token) {
        return ApiCall.to(lists, "POST /unsubscribe").query("token", token)
                .body("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").send();
    }

    private static String listWith(String email) {
        String listId = ApiCall.to(lists, "POST /lists").as("ed", "editor")
                .json(Map.of("name", "Unsubscribe " + UUID.randomUUID())).send().json().get("id").asText();
        ApiCall.to(lists, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", email, "firstName", "Someone")).send();
        return listId;
    }

    /** An approved round to the list, made due and launched: its messages are in the outbox. */
    private static UUID sendRound(String listId) throws Exception {
        String campaignId = ApiCall.to(campaigns, "POST /campaigns").as("ed", "editor").json(Map.of(
                "name", "Unsubscribe " + UUID.randomUUID(), "fromEmail", "news@example.com")).send().json()
                .get("id").asText();
        UUID roundId = UUID.fromString(ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId)
                .as("ed", "editor").json(Map.of("name", "Round", "subject", "Hello", "htmlBody", "<p>Hi</p>",
                        "textBody", "Hi. Unsubscribe: {{unsubscribeUrl}}", "listIds", List.of(listId),
                        "scheduledAt", "2031-01-01T09:00:00Z")).send().json().get("id").asText());
        ApiCall.to(campaigns, "POST /rounds/{roundId}/submit", roundId).as("ed", "editor").send();
        ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", roundId).as("boss", "approver").send();
        db.update("UPDATE rounds SET scheduled_at = now() - interval '1 minute' WHERE id = :roundId",
                Params.of("roundId", roundId));
        launcher.handleRequest(SampleEvents.open("events/launch-due-rounds/scheduled.json"),
                new ByteArrayOutputStream(), null);
        return roundId;
    }

    /** The token of the List-Unsubscribe header of the (last) message the outbox holds for the address. */
    private static String tokenSentTo(String email) {
        String header = db.querySingle("SELECT headers ->> 'List-Unsubscribe' AS link FROM outbox_messages "
                + "WHERE to_email = :email ORDER BY stored_at DESC LIMIT 1", Params.of("email", email),
                r -> r.string("link"));
        String encoded = header.substring(header.indexOf("token=") + "token=".length(), header.length() - 1);
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static Optional<String> contactHolding(String email) {
        return db.queryOptional("SELECT id FROM contacts WHERE email_hash = :hash",
                Params.of("hash", EmailAddress.parse(email).hash()), r -> r.uuid("id").toString());
    }

    /** reason/round of the address's suppression, or null. */
    private static String suppression(String email) {
        return db.queryOptional("SELECT reason, round_id FROM suppressions WHERE email_hash = :hash",
                Params.of("hash", EmailAddress.parse(email).hash()),
                r -> r.string("reason") + "/" + r.uuid("round_id")).orElse(null);
    }
}
