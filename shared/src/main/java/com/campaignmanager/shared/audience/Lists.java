package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.ConflictException;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Lists and the contacts on them, for every entry point: every member reads lists, editors change them; the
 * contacts on a list are personal data. A list is not deleted while a round waiting for approval, approved or
 * sending goes to it.
 */
@Singleton
public final class Lists {
    /** A new list: a name (required, unique) and a description. */
    public record NewList(String name, String description) {
    }

    /** An edit of a list; a null field keeps its value. */
    public record ListChange(String name, String description) {
    }

    /** What adding contacts did: {@link UpsertSummary}, and what the batch itself held. */
    public record ContactsAdded(long added, long updated, long unchanged, long suppressed, int duplicates,
                                List<JsonContacts.Invalid> invalid) {
    }

    private final Database database;
    private final ListRepository lists;
    private final ContactRepository contacts;
    private final ListUsage listUsage;
    private final ObjectMapper json;

    @Inject
    public Lists(Database database, ListRepository lists, ContactRepository contacts, ListUsage listUsage,
                 ObjectMapper json) {
        this.database = database;
        this.lists = lists;
        this.contacts = contacts;
        this.listUsage = listUsage;
        this.json = json;
    }

    public ContactList create(Acting acting, NewList fields) {
        acting.caller().require(Role.EDITOR);
        if (fields.name() == null || fields.name().isBlank()) {
            throw ApiProblem.invalid("name", "is required");
        }
        if (fields.name().strip().length() > 200) {
            throw ApiProblem.invalid("name", "is longer than 200 characters");
        }
        try {
            return lists.create(database, fields.name().strip(), strip(fields.description(), ""));
        } catch (ConflictException e) {
            throw duplicateName();
        }
    }

    public Page<ContactList> page(Acting acting, String q, PageRequest page) {
        acting.caller().requireReader();
        return lists.page(database, q, page.after(2), page.limit());
    }

    public ContactList get(Acting acting, UUID listId) {
        acting.caller().requireReader();
        return existing(listId);
    }

    public ContactList update(Acting acting, UUID listId, ListChange fields) {
        acting.caller().require(Role.EDITOR);
        String name = fields.name();
        if (name != null && (name.isBlank() || name.strip().length() > 200)) {
            throw ApiProblem.invalid("name", "must be 1 to 200 characters");
        }
        try {
            return lists.update(database, listId, strip(name, null), strip(fields.description(), null))
                    .orElseThrow(() -> notFound(listId));
        } catch (ConflictException e) {
            throw duplicateName();
        }
    }

    /** Refused (409) while a round waiting for approval, approved or sending goes to the list. */
    public void delete(Acting acting, UUID listId) {
        acting.caller().require(Role.EDITOR);
        database.inTransaction(tx -> {
            existing(listId);
            listUsage.requireUnused(tx, listId);
            return lists.delete(tx, listId);
        });
    }

    public Page<Contact> contacts(Acting acting, UUID listId, String q, PageRequest page) {
        acting.caller().requirePersonalData();
        existing(listId);
        return contacts.pageInList(database, listId, q, page.after(2), page.limit());
    }

    /**
     * Creates or updates the valid contacts of {@code entries} (by address: {@link JsonContacts#parse}, one
     * contact or {@code {"contacts": [...]}}) and puts them on the list; the invalid ones are reported by index.
     */
    public ContactsAdded addContacts(Acting acting, UUID listId, JsonNode entries) {
        acting.caller().require(Role.EDITOR);
        existing(listId);
        JsonContacts.Parsed batch = JsonContacts.parse(entries, json);
        UpsertSummary summary = contacts.addToList(database, listId, batch.contacts(),
                "api:" + acting.caller().subject());
        return new ContactsAdded(summary.added(), summary.updated(), summary.unchanged(), summary.suppressed(),
                batch.duplicates(), batch.invalid());
    }

    /** Takes the contact off the list; the contact stays. */
    public void removeContact(Acting acting, UUID listId, UUID contactId) {
        acting.caller().require(Role.EDITOR);
        if (!contacts.removeFromList(database, listId, contactId)) {
            throw ApiProblem.notFound("contact " + contactId + " is not on list " + listId);
        }
    }

    /** The list, or 404. */
    ContactList existing(UUID listId) {
        return lists.find(database, listId).orElseThrow(() -> notFound(listId));
    }

    private static String strip(String text, String absent) {
        return text == null ? absent : text.strip();
    }

    private static ApiProblem notFound(UUID listId) {
        return ApiProblem.notFound("list " + listId + " does not exist");
    }

    private static ApiProblem duplicateName() {
        return ApiProblem.conflict("name", "a list with this name already exists");
    }
}
