package com.campaignmanager.shared.audience;

import java.util.Map;

/** One contact to add or update, already validated: its address normalised, names trimmed (null = keep). */
public record ContactInput(EmailAddress email, String firstName, String lastName, Map<String, Object> attributes) {
    public ContactInput {
        java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>();
        if (attributes != null) {
            // A JSON null attribute means "no value": kept out, so that it does not erase a stored one.
            attributes.forEach((name, value) -> {
                if (value != null) {
                    copy.put(name, value);
                }
            });
        }
        attributes = java.util.Collections.unmodifiableMap(copy);
    }

    /** Merges a later row for the same address into this one: later non-empty values win. */
    ContactInput mergedWith(ContactInput later) {
        java.util.Map<String, Object> merged = new java.util.LinkedHashMap<>(attributes);
        merged.putAll(later.attributes);
        return new ContactInput(email, later.firstName != null ? later.firstName : firstName,
                later.lastName != null ? later.lastName : lastName, merged);
    }
}
