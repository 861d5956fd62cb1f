package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.audience.ContactList;
import com.campaignmanager.shared.audience.Imports;
import com.campaignmanager.shared.audience.Lists;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import com.fasterxml.jackson.databind.JsonNode;
import javax.inject.Inject;

/** {@code /lists}: lists, the contacts on them, and CSV imports; the HTTP side of {@link Lists} and {@link Imports}. */
final class ListsRoutes {
    private final Lists lists;
    private final Imports imports;

    @Inject
    ListsRoutes(Lists lists, Imports imports) {
        this.lists = lists;
        this.imports = imports;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST /lists", this::create)
                .add("GET /lists", request -> ApiResponse.ok(PageResponse.of(lists.page(request.acting(),
                        request.query("q").orElse(null), request.page()))))
                .add("GET /lists/{listId}", request -> ApiResponse.ok(lists.get(request.acting(),
                        request.pathUuid("listId"))))
                .add("PATCH /lists/{listId}", request -> ApiResponse.ok(lists.update(request.acting(),
                        request.pathUuid("listId"), request.body(Lists.ListChange.class))))
                .add("DELETE /lists/{listId}", request -> {
                    lists.delete(request.acting(), request.pathUuid("listId"));
                    return ApiResponse.noContent();
                })
                .add("GET /lists/{listId}/contacts", request -> ApiResponse.ok(PageResponse.of(lists.contacts(
                        request.acting(), request.pathUuid("listId"), request.query("q").orElse(null),
                        request.page()))))
                .add("POST /lists/{listId}/contacts", request -> ApiResponse.ok(lists.addContacts(request.acting(),
                        request.pathUuid("listId"), request.body(JsonNode.class))))
                .add("DELETE /lists/{listId}/contacts/{contactId}", request -> {
                    lists.removeContact(request.acting(), request.pathUuid("listId"), request.pathUuid("contactId"));
                    return ApiResponse.noContent();
                })
                .add("POST /lists/{listId}/imports", request -> ApiResponse.ok(imports.importCsv(request.acting(),
                        request.pathUuid("listId"), new Imports.CsvFile(request.header("content-type").orElse(null),
                                request.bodyText()))));
    }

    private ApiResponse create(ApiRequest request) {
        ContactList list = lists.create(request.acting(), request.body(Lists.NewList.class));
        return ApiResponse.created(list, "/lists/" + list.id());
    }
}
