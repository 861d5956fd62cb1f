package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.UnsubscribeTokens;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.config.PublicApiUrl;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.email.EmailProvider;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.Recipient;
import com.campaignmanager.shared.email.SendResult;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Sends a round to a few addresses for review: rendered as the real send would be (with the contact's data when
 * the address is a contact), marked as a test, recorded in the ledger, never counted as the round's send. A test
 * never goes to a suppressed or erased address, and a round gets at most {@value #MAX_PER_HOUR} test messages an
 * hour (the round is locked while they are counted, so concurrent requests cannot both squeeze in).
 */
@Singleton
public final class TestSends {
    private static final SqlStatements SQL = SqlStatements.load(TestSends.class, "test_sends.sql");
    private static final String SUPPRESSED_AMONG = SQL.statement("suppressed-among");
    private static final String RECENT_TEST_SENDS = SQL.statement("recent-test-sends");
    private static final String INSERT_TEST_DELIVERY = SQL.statement("insert-test-delivery");
    private static final String TEST_RECIPIENT = SQL.statement("test-recipient");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    public static final int MAX_ADDRESSES = 5;
    public static final int MAX_PER_HOUR = 25;

    public record Outcome(String email, DeliveryStatus status, String providerMessageId, String error) {
    }

    /** An address that got nothing, and why (its suppression reason). */
    public record Skipped(String email, String reason) {
    }

    public record Result(List<Outcome> sent, List<Skipped> skipped) {
    }

    private record Prepared(List<OutgoingMessage> messages, List<Skipped> skipped) {
    }

    private final Database database;
    private final RoundRepository rounds;
    private final CampaignRepository campaigns;
    private final EmailProvider provider;
    private final UnsubscribeTokens tokens;
    private final AuditTrail audit;
    private final PublicApiUrl publicApiUrl;
    private final ObjectMapper json;
    private final DeliveryLedger ledger;
    private final RoundMessages roundMessages;

    @Inject
    public TestSends(Database database, RoundRepository rounds, CampaignRepository campaigns, EmailProvider provider,
                     UnsubscribeTokens tokens, AuditTrail audit, PublicApiUrl publicApiUrl, ObjectMapper json,
                     DeliveryLedger ledger, RoundMessages roundMessages) {
        this.roundMessages = roundMessages;
        this.ledger = ledger;
        this.database = database;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.provider = provider;
        this.tokens = tokens;
        this.audit = audit;
        this.publicApiUrl = publicApiUrl;
        this.json = json;
    }

    /** {@code gatewayDomain}: the request's API Gateway domain, for {@link PublicApiUrl#forRequest}. */
    public Result send(Acting acting, UUID roundId, List<EmailAddress> addresses,
                       java.util.Optional<String> gatewayDomain) {
        acting.caller().require(Role.EDITOR);
        if (addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            throw ApiProblem.invalid("emails", "give 1 to " + MAX_ADDRESSES + " addresses"
                    + (addresses.size() > MAX_ADDRESSES ? ", not more" : ""));
        }
        String linkBase = publicApiUrl.forRequest(gatewayDomain);
        Prepared prepared = database.inTransaction(tx -> {
            rounds.lock(tx, roundId).orElseThrow(() -> ApiProblem.notFound("round " + roundId + " does not exist"));
            Round round = rounds.find(tx, roundId).orElseThrow();
            Campaign campaign = campaigns.find(tx, round.campaignId()).orElseThrow();
            Map<String, EmailAddress> byHash = new LinkedHashMap<>();
            addresses.forEach(address -> byHash.putIfAbsent(address.hash(), address));
            Map<String, String> suppressed = new LinkedHashMap<>();
            tx.query(SUPPRESSED_AMONG, Params.of().putList("emailHashes", List.copyOf(byHash.keySet())),
                    r -> suppressed.put(r.string("email_hash"), r.string("reason")));
            List<Skipped> skipped = new ArrayList<>();
            List<EmailAddress> allowed = new ArrayList<>();
            byHash.forEach((hash, address) -> {
                if (suppressed.containsKey(hash)) {
                    skipped.add(new Skipped(address.value(), "suppressed: " + suppressed.get(hash)));
                } else {
                    allowed.add(address);
                }
            });
            long[] recent = tx.querySingle(RECENT_TEST_SENDS, Params.of("roundId", roundId),
                    r -> new long[] {r.longValue("sent"), r.longValue("retry_after")});
            if (!allowed.isEmpty() && recent[0] + allowed.size() > MAX_PER_HOUR) {
                throw ApiProblem.tooManyRequests("a round gets at most " + MAX_PER_HOUR + " test messages an hour; "
                        + recent[0] + " went out in the last hour", recent[1]);
            }
            List<OutgoingMessage> messages = new ArrayList<>();
            RoundMessages.Source source = roundMessages.source(tx, roundId);
            for (EmailAddress address : allowed) {
                messages.add(message(tx, round, source, campaign, address, linkBase));
            }
            audit.record(tx, acting.actor(), "round.test_sent", "round", roundId.toString(),
                    Map.of("to", allowed.stream().map(EmailAddress::value).toList(), "skipped", skipped,
                            "requestId", acting.requestId()));
            return new Prepared(messages, skipped);
        });
        if (prepared.messages().isEmpty()) {
            return new Result(List.of(), prepared.skipped());
        }
        List<SendResult> results = provider.send(prepared.messages());
        var rows = json.createArrayNode();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            SendResult result = results.get(i);
            DeliveryStatus status = result.outcome() == SendResult.Outcome.SENT ? DeliveryStatus.SENT
                    : DeliveryStatus.FAILED;
            rows.addObject().put("id", result.customId()).put("status", status.stored())
                    .put("provider_message_id", result.providerMessageId()).put("error", result.error())
                    .put("attempted", 1).putNull("next_attempt_at");
            outcomes.add(new Outcome(prepared.messages().get(i).to().email(), status, result.providerMessageId(),
                    result.error()));
        }
        ledger.record(database, provider.name(), rows.toString());
        return new Result(outcomes, prepared.skipped());
    }

    private OutgoingMessage message(com.campaignmanager.shared.db.SqlExecutor tx, Round round,
                                    RoundMessages.Source source, Campaign campaign, EmailAddress address,
                                    String linkBase) {
        UUID[] ids = tx.querySingle(INSERT_TEST_DELIVERY, Params.of("roundId", round.id())
                        .put("email", address.value()).put("emailHash", address.hash()),
                r -> new UUID[] {r.uuid("id"), r.uuid("contact_id")});
        Recipient recipient = ids[1] == null ? new Recipient(address.value(), null, null, Map.of())
                : tx.querySingle(TEST_RECIPIENT, Params.of("contactId", ids[1]),
                        r -> new Recipient(address.value(), r.string("first_name"), r.string("last_name"),
                                attributes(r.json("attributes"))));
        UUID linkContact = ids[1] == null ? ids[0] : ids[1];
        return RoundMessages.message(tokens, linkBase, round.id(), ids[0].toString(), source,
                new OutgoingMessage.Sender(campaign.fromEmail(), campaign.fromName(), campaign.replyTo()),
                address.value(), recipient, linkContact, true);
    }

    private Map<String, Object> attributes(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
