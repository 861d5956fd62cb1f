package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.audience.Contacts;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import com.fasterxml.jackson.databind.JsonNode;
import javax.inject.Inject;

/** {@code /contacts}: one person across lists, their history, and erasure; the HTTP side of {@link Contacts}. */
final class ContactsRoutes {
    private final Contacts contacts;

    @Inject
    ContactsRoutes(Contacts contacts) {
        this.contacts = contacts;
    }

    void addTo(Routes.Builder routes) {
        routes.add("GET /contacts", request -> ApiResponse.ok(PageResponse.of(contacts.page(request.acting(),
                        request.query("q").orElse(null), request.page()))))
                .add("GET /contacts/{contactId}", request -> ApiResponse.ok(contacts.get(request.acting(),
                        request.pathUuid("contactId"))))
                .add("PATCH /contacts/{contactId}", request -> ApiResponse.ok(contacts.update(request.acting(),
                        request.pathUuid("contactId"), request.body(JsonNode.class))))
                .add("GET /contacts/{contactId}/history", request -> ApiResponse.ok(contacts.history(
                        request.acting(), request.pathUuid("contactId"))))
                .add("DELETE /contacts/{contactId}", request -> {
                    contacts.erase(request.acting(), request.pathUuid("contactId"));
                    return ApiResponse.noContent();
                })
                .add("POST /contacts/bulk", request -> ApiResponse.ok(contacts.bulk(request.acting(),
                        request.body(Contacts.BulkAction.class))));
    }
}
