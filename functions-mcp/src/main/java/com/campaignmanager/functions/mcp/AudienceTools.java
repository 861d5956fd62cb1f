package com.campaignmanager.functions.mcp;

import static com.campaignmanager.functions.mcp.Schema.array;
import static com.campaignmanager.functions.mcp.Schema.bool;
import static com.campaignmanager.functions.mcp.Schema.dateTime;
import static com.campaignmanager.functions.mcp.Schema.email;
import static com.campaignmanager.functions.mcp.Schema.integer;
import static com.campaignmanager.functions.mcp.Schema.nullable;
import static com.campaignmanager.functions.mcp.Schema.string;
import static com.campaignmanager.functions.mcp.Schema.uuid;

import com.campaignmanager.shared.audience.Contact;
import com.campaignmanager.shared.audience.ContactRepository;
import com.campaignmanager.shared.audience.Contacts;
import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.Suppressions;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;

/**
 * The audience, where an assistant needs it: what one address received ({@link Contacts}, personal data: editors,
 * approvers and admins only) and suppressing an address ({@link Suppressions}, editors).
 */
final class AudienceTools {
    /** Contacts whose address contains the one asked about are looked through, this many pages at most. */
    static final int LOOKUP_PAGES = 5;
    static final int DELIVERIES = 50;

    /** What one address received; {@code round} answers about the round asked about, when one was. */
    record RecipientHistory(String email, boolean known, UUID contactId, Contact.SuppressionStatus suppression,
                            List<ContactRepository.Membership> lists, RoundReceipt round,
                            List<ContactRepository.DeliverySummary> deliveries) {
    }

    /** Whether it was sent to the address (a test send does not count), and the ledger's lines for it. */
    record RoundReceipt(UUID roundId, boolean received, List<ContactRepository.DeliverySummary> deliveries) {
    }

    private static final Map<String, Object> DELIVERY = Schema.output()
            .required("deliveryId", uuid("The ledger's line."))
            .required("roundId", uuid("The round."))
            .required("roundName", string("Its name."))
            .required("status", string("pending, sent, failed or skipped (suppressed)."))
            .required("test", bool("A test send, not the round itself."))
            .required("sentAt", nullable(dateTime("When it was sent")))
            .required("opens", integer("Opens the provider reported."))
            .required("clicks", integer("Clicks the provider reported."))
            .build();

    private final Contacts contacts;
    private final Suppressions suppressions;

    @Inject
    AudienceTools(Contacts contacts, Suppressions suppressions) {
        this.contacts = contacts;
        this.suppressions = suppressions;
    }

    List<Tool> tools() {
        return List.of(
                new Tool("recipient_history", "What an address received", "Did this address get this round? What"
                        + " one e-mail address received: its lists, whether it is suppressed, and the messages"
                        + " sent to it (newest first, with opens and clicks); with roundId, whether that round was"
                        + " sent to it. Addresses are personal data: needs the role editor, approver or admin.",
                        Schema.input().required("email", email("The address."))
                                .optional("roundId", uuid("A round: was it sent to this address?")).build(),
                        Schema.output().required("email", string("The address asked about."))
                                .required("known", bool("Whether the address is a contact at all."))
                                .required("contactId", nullable(uuid("The contact.")))
                                .required("suppression", nullable(Schema.output()
                                        .required("reason", string("Why it is never mailed.")).build()))
                                .required("lists", array("The lists it is on.", Schema.output()
                                        .required("listId", uuid("The list.")).required("listName", string("Its name."))
                                        .build()))
                                .required("round", nullable(Schema.output().required("roundId", uuid("The round."))
                                        .required("received", bool("Whether it was sent to the address."))
                                        .required("deliveries", array("The ledger's lines for it.", DELIVERY))
                                        .build()))
                                .required("deliveries", array("The latest " + DELIVERIES + " messages, newest first.",
                                        DELIVERY)).build(),
                        Tool.reads(), this::history),
                new Tool("suppress_address", "Suppress an address", "Puts an address on the never-mail list: no"
                        + " round sends to it again (only an admin can lift a manual suppression). An address already"
                        + " suppressed keeps its first reason. Needs the role editor.",
                        Schema.input().required("email", email("The address.")).build(),
                        Schema.output().required("email", string("The address."))
                                .required("reason", string("Why it is suppressed (manual, or its first reason)."))
                                .required("source", string("Who or what suppressed it."))
                                .required("createdAt", dateTime("Since when")).build(),
                        Tool.changes(true, true), (acting, args) -> suppressions.add(acting,
                                new Suppressions.NewSuppression(args.requiredWord("email"), "manual")).suppression()));
    }

    private RecipientHistory history(Acting acting, ToolArguments args) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(args.requiredWord("email"));
        } catch (EmailAddress.InvalidEmailException e) {
            throw ApiProblem.invalid("email", e.getMessage());
        }
        Optional<UUID> roundId = args.optionalUuid("roundId");
        Optional<Contact> contact = find(acting, address);
        if (contact.isEmpty()) {
            return new RecipientHistory(address.value(), false, null, null, List.of(),
                    roundId.map(id -> new RoundReceipt(id, false, List.of())).orElse(null), List.of());
        }
        Contacts.History history = contacts.history(acting, contact.get().id());
        List<ContactRepository.DeliverySummary> deliveries = history.deliveries();
        RoundReceipt receipt = roundId.map(id -> {
            List<ContactRepository.DeliverySummary> ofRound = deliveries.stream()
                    .filter(d -> d.roundId().equals(id)).toList();
            return new RoundReceipt(id, ofRound.stream().anyMatch(d -> !d.test() && d.status().equals("sent")),
                    ofRound);
        }).orElse(null);
        return new RecipientHistory(contact.get().email(), true, contact.get().id(), contact.get().suppression(),
                history.memberships(), receipt,
                deliveries.size() > DELIVERIES ? deliveries.subList(0, DELIVERIES) : deliveries);
    }

    /** The contact with exactly this address: the API finds contacts by part of their address. */
    private Optional<Contact> find(Acting acting, EmailAddress address) {
        String cursor = null;
        for (int i = 0; i < LOOKUP_PAGES; i++) {
            Page<Contact> page = contacts.page(acting, address.value(), new PageRequest(PageRequest.MAX_LIMIT, cursor));
            Optional<Contact> exact = page.items().stream()
                    .filter(c -> c.email() != null && c.email().toLowerCase(Locale.ROOT).equals(address.key())).findFirst();
            if (exact.isPresent() || !page.hasMore()) {
                return exact;
            }
            cursor = page.nextCursor();
        }
        return Optional.empty();
    }
}
