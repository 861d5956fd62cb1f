package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.UnsubscribeLinks;
import com.campaignmanager.shared.audience.UnsubscribeTokens;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.email.EmailProvider;
import com.campaignmanager.shared.email.MessageRenderer;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.Recipient;
import com.campaignmanager.shared.email.SendResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Sends a round to a few addresses for review: rendered as the real send would be (with the contact's data when
 * the address is a contact), marked as a test, recorded in the ledger, never counted as the round's send.
 */
@Singleton
public final class TestSends {
    private static final SqlStatements SQL = SqlStatements.load(TestSends.class, "sending.sql");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    public static final int MAX_ADDRESSES = 5;

    public record Outcome(String email, String status, String providerMessageId, String error) {
    }

    private final Database database;
    private final EmailProvider provider;
    private final UnsubscribeTokens tokens;
    private final ObjectMapper json;

    @Inject
    public TestSends(Database database, EmailProvider provider, UnsubscribeTokens tokens, ObjectMapper json) {
        this.database = database;
        this.provider = provider;
        this.tokens = tokens;
        this.json = json;
    }

    /** {@code publicApiUrl}: where the unsubscribe link points (the API the request came in through). */
    public List<Outcome> send(Round round, Campaign campaign, List<EmailAddress> addresses, String publicApiUrl) {
        List<OutgoingMessage> messages = new ArrayList<>();
        for (EmailAddress address : addresses) {
            UUID[] ids = database.querySingle(SQL.get("insert-test-delivery"), Params.of("roundId", round.id())
                    .put("email", address.value()).put("emailHash", address.hash()),
                    r -> new UUID[] {r.uuid("id"), r.uuid("contact_id")});
            Recipient recipient = ids[1] == null ? new Recipient(address.value(), null, null, Map.of())
                    : database.querySingle(SQL.get("test-recipient"), Params.of("contactId", ids[1]),
                            r -> new Recipient(address.value(), r.string("first_name"), r.string("last_name"),
                                    attributes(r.json("attributes"))));
            UUID linkContact = ids[1] == null ? ids[0] : ids[1];
            String unsubscribeUrl = UnsubscribeLinks.url(publicApiUrl, tokens.create(linkContact, round.id()));
            MessageRenderer.Rendered rendered = MessageRenderer.render("[TEST] " + round.subject(), round.htmlBody(),
                    round.textBody(), recipient, unsubscribeUrl);
            messages.add(new OutgoingMessage(ids[0].toString(), round.id().toString(), campaign.fromEmail(),
                    campaign.fromName(), campaign.replyTo(), address.value(), null, rendered.subject(), rendered.html(),
                    rendered.text(), UnsubscribeLinks.headers(publicApiUrl, tokens, linkContact, round.id()), true));
        }
        List<SendResult> results = provider.send(messages);
        var rows = json.createArrayNode();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SendResult result = results.get(i);
            String status = result.outcome() == SendResult.Outcome.SENT ? "sent" : "failed";
            rows.addObject().put("id", result.customId()).put("status", status)
                    .put("provider_message_id", result.providerMessageId()).put("error", result.error())
                    .put("attempted", 1).putNull("next_attempt_at");
            outcomes.add(new Outcome(messages.get(i).toEmail(), status, result.providerMessageId(), result.error()));
        }
        database.updateIdempotent(SQL.get("record-results"), Params.of("provider", provider.name())
                .putJson("results", rows.toString()));
        return outcomes;
    }

    private Map<String, Object> attributes(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
