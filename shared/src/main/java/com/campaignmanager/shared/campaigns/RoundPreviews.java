package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.UnsubscribeTokens;
import com.campaignmanager.shared.config.PublicApiUrl;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.Recipient;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A round's message for one contact, rendered exactly as the launcher renders it ({@link RoundMessages}): the
 * content in its template's layout (the version it would be sent with), the contact's merge fields, their
 * unsubscribe link and headers. Without a contact, the sample is the first contact of the round's audience as the
 * ledger would be written now (lists, exclusions, conditions, suppressions; {@link #SAMPLE} when it is empty). A real contact's data is personal data: a viewer sees only
 * {@link #SAMPLE}, and naming a contact needs the role editor, approver or admin.
 */
@Singleton
public final class RoundPreviews {
    private static final SqlStatements SQL = SqlStatements.load(RoundPreviews.class, "previews.sql");
    private static final String FIND_CONTACT = SQL.statement("find-contact");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    /** The placeholder contact: no one's data, and its unsubscribe link names no contact (it unsubscribes nobody). */
    public static final Recipient SAMPLE = new Recipient("sample@example.com", "Alex", "Sample", Map.of());
    public static final UUID SAMPLE_ID = new UUID(0, 0);

    /** Whom the preview is for: a contact, or the placeholder ({@code sample}). */
    public record PreviewContact(UUID id, String email, boolean sample) {
    }

    /** The message as it would be sent to {@code contact}. {@code templateVersion}: the layout used, if any. */
    public record Preview(UUID roundId, PreviewContact contact, OutgoingMessage.Sender from, String subject,
                          String html, String text, Map<String, String> headers, UUID templateId,
                          Integer templateVersion) {
    }

    private record Found(UUID id, Recipient recipient) {
    }

    private final Database database;
    private final RoundRepository rounds;
    private final CampaignRepository campaigns;
    private final RoundMessages messages;
    private final UnsubscribeTokens tokens;
    private final PublicApiUrl publicApiUrl;
    private final ObjectMapper json;
    private final DeliveryLedger ledger;

    @Inject
    public RoundPreviews(Database database, RoundRepository rounds, CampaignRepository campaigns,
                         RoundMessages messages, UnsubscribeTokens tokens, PublicApiUrl publicApiUrl,
                         ObjectMapper json, DeliveryLedger ledger) {
        this.ledger = ledger;
        this.database = database;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.messages = messages;
        this.tokens = tokens;
        this.publicApiUrl = publicApiUrl;
        this.json = json;
    }

    /**
     * {@code gatewayDomain}: the request's API Gateway domain, for {@link PublicApiUrl#forRequest} (the launcher's
     * own URL when {@code PUBLIC_API_URL} names one, as it does for the launcher).
     */
    public Preview preview(Acting acting, UUID roundId, Optional<UUID> contactId, Optional<String> gatewayDomain) {
        acting.caller().requireReader();
        if (contactId.isPresent()) {
            acting.caller().requirePersonalData();
        }
        Round round = rounds.find(database, roundId)
                .orElseThrow(() -> ApiProblem.notFound("round " + roundId + " does not exist"));
        Campaign campaign = campaigns.find(database, round.campaignId()).orElseThrow();
        Optional<Found> found;
        if (contactId.isPresent()) {
            found = Optional.of(database.queryOptional(FIND_CONTACT, Params.of("contactId", contactId.get()),
                    this::found).orElseThrow(() -> ApiProblem.notFound("contact " + contactId.get()
                    + " does not exist")));
        } else if (acting.caller().maySeePersonalData()) {
            found = ledger.preview(database, roundId, 1).sample().stream().findFirst().flatMap(first ->
                    database.queryOptional(FIND_CONTACT, Params.of("contactId", first.contactId()), this::found));
        } else {
            found = Optional.empty();
        }
        UUID linkContact = found.map(Found::id).orElse(SAMPLE_ID);
        Recipient recipient = found.map(Found::recipient).orElse(SAMPLE);
        RoundMessages.Source source = messages.source(database, roundId);
        OutgoingMessage message = RoundMessages.message(tokens, publicApiUrl.forRequest(gatewayDomain), roundId,
                "preview", source,
                new OutgoingMessage.Sender(campaign.fromEmail(), campaign.fromName(), campaign.replyTo()),
                recipient.email(), recipient, linkContact, false);
        return new Preview(roundId, new PreviewContact(found.isPresent() ? linkContact : null, recipient.email(),
                found.isEmpty()), message.from(), message.content().subject(), message.content().html(),
                message.content().text(), message.headers(), source.templateId(),
                source.layout() == null ? null : source.layout().version());
    }

    private Found found(Row r) {
        return new Found(r.uuid("id"), new Recipient(r.string("email"), r.string("first_name"), r.string("last_name"),
                attributes(r.json("attributes"))));
    }

    private Map<String, Object> attributes(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
