package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.audience.Contact;
import com.campaignmanager.shared.audience.ContactRepository;
import com.campaignmanager.shared.audience.Erasure;
import com.campaignmanager.shared.audience.ListRepository;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.http.Routes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;

/** {@code /contacts}: one person across lists, their history, and erasure. */
final class ContactsRoutes {
    /** List memberships, what was sent (with opens and clicks) and what the provider reported. */
    record History(Contact contact, List<ContactRepository.Membership> memberships,
                   List<ContactRepository.DeliverySummary> deliveries,
                   List<ContactRepository.ProviderEventSummary> providerEvents) {
    }

    record BulkRequest(String action, UUID listId, List<UUID> contactIds) {
        static final List<String> ACTIONS = List.of("add_to_list", "remove_from_list", "suppress", "erase");

        BulkRequest {
            if (action == null || !ACTIONS.contains(action)) {
                throw new InvalidFieldException("action", "must be one of " + String.join(", ", ACTIONS));
            }
            if (action.endsWith("_list") && listId == null) {
                throw new InvalidFieldException("listId", "is required for " + action);
            }
            if (contactIds == null || contactIds.isEmpty()) {
                throw new InvalidFieldException("contactIds", "must name at least one contact");
            }
            if (contactIds.size() > ContactRequests.MAX_BATCH) {
                throw new InvalidFieldException("contactIds", "at most " + ContactRequests.MAX_BATCH + " at a time");
            }
            if (contactIds.contains(null)) {
                throw new InvalidFieldException("contactIds", "must not contain null");
            }
            contactIds = List.copyOf(new java.util.LinkedHashSet<>(contactIds));
        }
    }

    private final Database database;
    private final ContactRepository contacts;
    private final ListRepository lists;
    private final Erasure erasure;
    private final ObjectMapper json;

    @Inject
    ContactsRoutes(Database database, ContactRepository contacts, ListRepository lists, Erasure erasure,
                   ObjectMapper json) {
        this.database = database;
        this.contacts = contacts;
        this.lists = lists;
        this.erasure = erasure;
        this.json = json;
    }

    void addTo(Routes.Builder routes) {
        routes.add("GET /contacts", this::page)
                .add("GET /contacts/{contactId}", this::get)
                .add("PATCH /contacts/{contactId}", this::update)
                .add("GET /contacts/{contactId}/history", this::history)
                .add("DELETE /contacts/{contactId}", this::erase)
                .add("POST /contacts/bulk", this::bulk);
    }

    private ApiResponse page(ApiRequest request) {
        request.caller().requirePersonalData();
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(contacts.page(database, request.query("q").orElse(null), page.after(2),
                page.limit())));
    }

    private ApiResponse get(ApiRequest request) {
        request.caller().requirePersonalData();
        return ApiResponse.ok(existing(request.pathUuid("contactId")));
    }

    /** {@code firstName}/{@code lastName} (null clears), {@code attributes} merged (a null value drops one). */
    private ApiResponse update(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID contactId = request.pathUuid("contactId");
        JsonNode body = request.body(JsonNode.class);
        if (!body.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!List.of("firstName", "lastName", "attributes").contains(name)) {
                throw ApiProblem.invalid(name, name.equals("email")
                        ? "cannot be changed: add the new address as a contact instead"
                        : "is not a known field");
            }
        });
        String firstName;
        String lastName;
        Map<String, Object> attributes;
        try {
            firstName = ContactRequests.name(body, "firstName");
            lastName = ContactRequests.name(body, "lastName");
            attributes = body.has("attributes") ? ContactRequests.attributes(body, json) : null;
        } catch (InvalidFieldException e) {
            throw ApiProblem.invalid(e.field(), e.getMessage());
        }
        ContactRepository.ContactChange change = new ContactRepository.ContactChange(body.has("firstName"), firstName,
                body.has("lastName"), lastName, attributes);
        return ApiResponse.ok(contacts.update(database, contactId, change, request.caller().actor(),
                request.requestId()).orElseThrow(() -> notFound(contactId)));
    }

    private ApiResponse history(ApiRequest request) {
        request.caller().requirePersonalData();
        UUID contactId = request.pathUuid("contactId");
        return ApiResponse.ok(new History(existing(contactId), contacts.memberships(database, contactId),
                contacts.deliveries(database, contactId), contacts.providerEvents(database, contactId)));
    }

    /** Erasure (the right to be forgotten, {@link Erasure}): admin only; the address stays suppressed as a hash. */
    private ApiResponse erase(ApiRequest request) {
        request.caller().require(Role.ADMIN);
        UUID contactId = request.pathUuid("contactId");
        if (erasure.erase(database, List.of(contactId), request.caller().actor()) == 0) {
            throw notFound(contactId);
        }
        return ApiResponse.noContent();
    }

    /** Up to 1,000 contacts at once; erasure needs an admin. */
    private ApiResponse bulk(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        BulkRequest body = request.body(BulkRequest.class);
        if (body.action().equals("erase")) {
            request.caller().require(Role.ADMIN);
        }
        if (body.listId() != null && body.action().endsWith("_list") && lists.find(database, body.listId()).isEmpty()) {
            throw ApiProblem.invalid("listId", "list " + body.listId() + " does not exist");
        }
        if (body.action().equals("erase")) {
            long erased = erasure.erase(database, body.contactIds(), request.caller().actor());
            return ApiResponse.ok(new ContactRepository.BulkResult("erase", body.contactIds().size(), erased, erased));
        }
        return ApiResponse.ok(contacts.bulk(database, body.action(), body.listId(), body.contactIds(),
                request.caller().actor()));
    }

    private Contact existing(UUID contactId) {
        return contacts.find(database, contactId).orElseThrow(() -> notFound(contactId));
    }

    private static ApiProblem notFound(UUID contactId) {
        return ApiProblem.notFound("contact " + contactId + " does not exist");
    }
}
