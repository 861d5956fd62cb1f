package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * One person across lists, for every entry point: their data and history are personal data (editors, approvers,
 * admins); editors edit them and act on many at once; only admins erase them ({@link Erasure}), after which the
 * address stays suppressed as a hash.
 */
@Singleton
public final class Contacts {
    /** List memberships, what was sent (with opens and clicks) and what the provider reported. */
    public record History(Contact contact, List<ContactRepository.Membership> memberships,
                          List<ContactRepository.DeliverySummary> deliveries,
                          List<ContactRepository.ProviderEventSummary> providerEvents) {
    }

    public static final List<String> BULK_ACTIONS = List.of("add_to_list", "remove_from_list", "suppress", "erase");

    /** One action on up to 1,000 contacts; {@code listId} for the list actions. */
    public record BulkAction(String action, UUID listId, List<UUID> contactIds) {
    }

    private final Database database;
    private final ContactRepository contacts;
    private final ListRepository lists;
    private final Erasure erasure;
    private final ObjectMapper json;

    @Inject
    public Contacts(Database database, ContactRepository contacts, ListRepository lists, Erasure erasure,
                    ObjectMapper json) {
        this.database = database;
        this.contacts = contacts;
        this.lists = lists;
        this.erasure = erasure;
        this.json = json;
    }

    public Page<Contact> page(Acting acting, String q, PageRequest page) {
        acting.caller().requirePersonalData();
        return contacts.page(database, q, page.after(2), page.limit());
    }

    public Contact get(Acting acting, UUID contactId) {
        acting.caller().requirePersonalData();
        return existing(contactId);
    }

    /** Edits names and attributes as {@link JsonContacts#change} reads them, audited when something changed. */
    public Contact update(Acting acting, UUID contactId, JsonNode edit) {
        acting.caller().require(Role.EDITOR);
        ContactRepository.ContactChange change = JsonContacts.change(edit, json);
        return contacts.update(database, contactId, change, acting.actor(), acting.requestId())
                .orElseThrow(() -> notFound(contactId));
    }

    public History history(Acting acting, UUID contactId) {
        acting.caller().requirePersonalData();
        return new History(existing(contactId), contacts.memberships(database, contactId),
                contacts.deliveries(database, contactId), contacts.providerEvents(database, contactId));
    }

    /** Erasure (the right to be forgotten, {@link Erasure}): admin only. */
    public void erase(Acting acting, UUID contactId) {
        acting.caller().require(Role.ADMIN);
        if (erasure.erase(database, List.of(contactId), acting.actor()) == 0) {
            throw notFound(contactId);
        }
    }

    /** Up to 1,000 contacts at once, in one transaction; erasing them needs an admin. */
    public ContactRepository.BulkResult bulk(Acting acting, BulkAction bulk) {
        acting.caller().require(Role.EDITOR);
        String action = bulk.action();
        if (action == null || !BULK_ACTIONS.contains(action)) {
            throw ApiProblem.invalid("action", "must be one of " + String.join(", ", BULK_ACTIONS));
        }
        if (action.endsWith("_list") && bulk.listId() == null) {
            throw ApiProblem.invalid("listId", "is required for " + action);
        }
        if (bulk.contactIds() == null || bulk.contactIds().isEmpty()) {
            throw ApiProblem.invalid("contactIds", "must name at least one contact");
        }
        if (bulk.contactIds().size() > JsonContacts.MAX_BATCH) {
            throw ApiProblem.invalid("contactIds", "at most " + JsonContacts.MAX_BATCH + " at a time");
        }
        // Not contains(null): an immutable list (a direct caller's List.of) throws on that question.
        if (bulk.contactIds().stream().anyMatch(Objects::isNull)) {
            throw ApiProblem.invalid("contactIds", "must not contain null");
        }
        List<UUID> contactIds = List.copyOf(new LinkedHashSet<>(bulk.contactIds()));
        if (action.equals("erase")) {
            acting.caller().require(Role.ADMIN);
            long erased = erasure.erase(database, contactIds, acting.actor());
            return new ContactRepository.BulkResult("erase", contactIds.size(), erased, erased);
        }
        if (bulk.listId() != null && action.endsWith("_list") && lists.find(database, bulk.listId()).isEmpty()) {
            throw ApiProblem.invalid("listId", "list " + bulk.listId() + " does not exist");
        }
        return contacts.bulk(database, action, bulk.listId(), contactIds, acting.actor());
    }

    private Contact existing(UUID contactId) {
        return contacts.find(database, contactId).orElseThrow(() -> notFound(contactId));
    }

    private static ApiProblem notFound(UUID contactId) {
        return ApiProblem.notFound("contact " + contactId + " does not exist");
    }
}
