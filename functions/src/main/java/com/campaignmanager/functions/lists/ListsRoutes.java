package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.audience.ContactList;
import com.campaignmanager.shared.audience.ContactRepository;
import com.campaignmanager.shared.audience.CsvContacts;
import com.campaignmanager.shared.audience.ListRepository;
import com.campaignmanager.shared.audience.UpsertSummary;
import com.campaignmanager.shared.campaigns.ListsInRounds;
import com.campaignmanager.shared.db.ConflictException;
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
import java.util.Locale;
import java.util.UUID;
import javax.inject.Inject;

/** {@code /lists}: lists, the contacts on them, and CSV imports. */
final class ListsRoutes {
    record CreateList(String name, String description) {
        CreateList {
            if (name == null || name.isBlank()) {
                throw new InvalidFieldException("name", "is required");
            }
            if (name.strip().length() > 200) {
                throw new InvalidFieldException("name", "is longer than 200 characters");
            }
            name = name.strip();
            description = description == null ? "" : description.strip();
        }
    }

    record UpdateList(String name, String description) {
        UpdateList {
            if (name != null && (name.isBlank() || name.strip().length() > 200)) {
                throw new InvalidFieldException("name", "must be 1 to 200 characters");
            }
            name = name == null ? null : name.strip();
            description = description == null ? null : description.strip();
        }
    }

    record AddContactsSummary(long added, long updated, long unchanged, long suppressed, int duplicates,
                              List<ContactRequests.Invalid> invalid) {
    }

    record ImportSummary(int rows, long added, long updated, long unchanged, long suppressed, int duplicates,
                         int invalidCount, List<CsvContacts.InvalidLine> invalid) {
    }

    private final Database database;
    private final ListRepository lists;
    private final ContactRepository contacts;
    private final ListsInRounds listsInRounds;
    private final ObjectMapper json;

    @Inject
    ListsRoutes(Database database, ListRepository lists, ContactRepository contacts, ListsInRounds listsInRounds,
                ObjectMapper json) {
        this.database = database;
        this.lists = lists;
        this.contacts = contacts;
        this.listsInRounds = listsInRounds;
        this.json = json;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST /lists", this::create)
                .add("GET /lists", this::page)
                .add("GET /lists/{listId}", this::get)
                .add("PATCH /lists/{listId}", this::update)
                .add("DELETE /lists/{listId}", this::delete)
                .add("GET /lists/{listId}/contacts", this::contacts)
                .add("POST /lists/{listId}/contacts", this::addContacts)
                .add("DELETE /lists/{listId}/contacts/{contactId}", this::removeContact)
                .add("POST /lists/{listId}/imports", this::importCsv);
    }

    private ApiResponse create(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        CreateList body = request.body(CreateList.class);
        try {
            ContactList list = lists.create(database, body.name(), body.description());
            return ApiResponse.created(list, "/lists/" + list.id());
        } catch (ConflictException e) {
            throw ApiProblem.conflict("name", "a list with this name already exists");
        }
    }

    private ApiResponse page(ApiRequest request) {
        request.caller().requireReader();
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(lists.page(database, request.query("q").orElse(null), page.after(2),
                page.limit())));
    }

    private ApiResponse get(ApiRequest request) {
        request.caller().requireReader();
        return ApiResponse.ok(existing(request.pathUuid("listId")));
    }

    private ApiResponse update(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID listId = request.pathUuid("listId");
        UpdateList body = request.body(UpdateList.class);
        try {
            return ApiResponse.ok(lists.update(database, listId, body.name(), body.description())
                    .orElseThrow(() -> notFound(listId)));
        } catch (ConflictException e) {
            throw ApiProblem.conflict("name", "a list with this name already exists");
        }
    }

    /** Refused (409) while a round waiting for approval, approved or sending goes to the list. */
    private ApiResponse delete(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID listId = request.pathUuid("listId");
        database.inTransaction(tx -> {
            existing(listId);
            listsInRounds.requireUnused(tx, listId);
            return lists.delete(tx, listId);
        });
        return ApiResponse.noContent();
    }

    private ApiResponse contacts(ApiRequest request) {
        request.caller().requirePersonalData();
        UUID listId = request.pathUuid("listId");
        existing(listId);
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(contacts.pageInList(database, listId, request.query("q").orElse(null),
                page.after(2), page.limit())));
    }

    private ApiResponse addContacts(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID listId = request.pathUuid("listId");
        JsonNode body = request.body(JsonNode.class);
        existing(listId);
        ContactRequests.Parsed parsed = ContactRequests.parse(body, json);
        UpsertSummary summary = contacts.addToList(database, listId, parsed.contacts(),
                "api:" + request.caller().subject());
        return ApiResponse.ok(new AddContactsSummary(summary.added(), summary.updated(), summary.unchanged(),
                summary.suppressed(), parsed.duplicates(), parsed.invalid()));
    }

    private ApiResponse removeContact(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID listId = request.pathUuid("listId");
        UUID contactId = request.pathUuid("contactId");
        if (!contacts.removeFromList(database, listId, contactId)) {
            throw ApiProblem.notFound("contact " + contactId + " is not on list " + listId);
        }
        return ApiResponse.noContent();
    }

    /** {@code text/csv} body; valid rows are imported whatever the invalid ones are. */
    private ApiResponse importCsv(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID listId = request.pathUuid("listId");
        String contentType = request.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("text/csv") && !contentType.startsWith("application/csv")) {
            throw ApiProblem.unsupportedMediaType("send the file as text/csv");
        }
        existing(listId);
        CsvContacts.Parsed parsed;
        try {
            parsed = CsvContacts.parse(request.bodyText());
        } catch (CsvContacts.UnreadableCsvException e) {
            throw ApiProblem.invalid("body", e.getMessage());
        }
        UpsertSummary summary = contacts.addToList(database, listId, parsed.contacts(),
                "import:" + request.requestId());
        return ApiResponse.ok(new ImportSummary(parsed.rows(), summary.added(), summary.updated(), summary.unchanged(),
                summary.suppressed(), parsed.duplicates(), parsed.invalidCount(), parsed.invalid()));
    }

    private ContactList existing(UUID listId) {
        return lists.find(database, listId).orElseThrow(() -> notFound(listId));
    }

    private static ApiProblem notFound(UUID listId) {
        return ApiProblem.notFound("list " + listId + " does not exist");
    }
}
