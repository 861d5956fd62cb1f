package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contacts as JSON clients send them ({@code {email, firstName, lastName, attributes}}), validated one by one so
 * that a bad entry in a batch is reported by its index and does not stop the others; and the edit of one contact.
 */
public final class JsonContacts {
    public static final int MAX_BATCH = 1_000;
    static final int MAX_NAME = 200;
    private static final Set<String> FIELDS = Set.of("email", "firstName", "lastName", "attributes");
    private static final Set<String> EDITABLE = Set.of("firstName", "lastName", "attributes");

    public record Invalid(int index, String email, String reason) {
    }

    /** One contact per address, in first-seen order; later entries for an address counted as duplicates. */
    public record Parsed(List<ContactInput> contacts, int duplicates, List<Invalid> invalid) {
    }

    private JsonContacts() {
    }

    /** One contact object, or {@code {"contacts": [...]}} with up to 1,000. */
    public static Parsed parse(JsonNode body, ObjectMapper json) {
        List<JsonNode> entries = new ArrayList<>();
        if (body.isObject() && body.has("contacts")) {
            JsonNode list = body.get("contacts");
            if (!list.isArray() || body.size() != 1) {
                throw ApiProblem.invalid("contacts", "must be an array (and the only field)");
            }
            if (list.size() > MAX_BATCH) {
                throw ApiProblem.invalid("contacts", "at most " + MAX_BATCH + " at a time; use an import for more");
            }
            list.forEach(entries::add);
        } else if (body.isObject()) {
            entries.add(body);
        } else {
            throw ApiProblem.invalid("body", "must be a contact or {\"contacts\": [...]}");
        }
        Map<String, ContactInput> byKey = new LinkedHashMap<>();
        List<Invalid> invalid = new ArrayList<>();
        int duplicates = 0;
        for (int index = 0; index < entries.size(); index++) {
            JsonNode entry = entries.get(index);
            String email = entry.path("email").isTextual() ? entry.get("email").asText() : null;
            try {
                ContactInput contact = contact(entry, json);
                ContactInput earlier = byKey.putIfAbsent(contact.email().key(), contact);
                if (earlier != null) {
                    duplicates++;
                }
            } catch (InvalidFieldException e) {
                invalid.add(new Invalid(index, email, e.field() + " " + e.getMessage()));
            } catch (IllegalArgumentException e) {
                invalid.add(new Invalid(index, email, e.getMessage()));
            }
        }
        return new Parsed(List.copyOf(byKey.values()), duplicates, invalid);
    }

    /**
     * The edit of one contact: {@code firstName}/{@code lastName} (null clears), {@code attributes} merged (a
     * null value drops one). The address is never edited: a new address is a new contact.
     */
    public static ContactRepository.ContactChange change(JsonNode body, ObjectMapper json) {
        if (!body.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!EDITABLE.contains(name)) {
                throw ApiProblem.invalid(name, name.equals("email")
                        ? "cannot be changed: add the new address as a contact instead"
                        : "is not a known field");
            }
        });
        try {
            return new ContactRepository.ContactChange(body.has("firstName"), name(body, "firstName"),
                    body.has("lastName"), name(body, "lastName"),
                    body.has("attributes") ? attributes(body, json) : null);
        } catch (InvalidFieldException e) {
            throw ApiProblem.invalid(e.field(), e.getMessage());
        }
    }

    static ContactInput contact(JsonNode entry, ObjectMapper json) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("must be an object");
        }
        entry.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidFieldException(name, "is not a known field");
            }
        });
        if (!entry.path("email").isTextual()) {
            throw new IllegalArgumentException("email is missing");
        }
        EmailAddress email = EmailAddress.parse(entry.get("email").asText());
        return new ContactInput(email, name(entry, "firstName"), name(entry, "lastName"), attributes(entry, json));
    }

    static String name(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidFieldException(field, "must be text");
        }
        String text = value.asText().strip();
        if (text.length() > MAX_NAME) {
            throw new InvalidFieldException(field, "is longer than " + MAX_NAME + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(JsonNode entry, ObjectMapper json) {
        JsonNode value = entry.get("attributes");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidFieldException("attributes", "must be a JSON object");
        }
        return json.convertValue(value, Map.class);
    }
}
