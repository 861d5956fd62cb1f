package com.campaignmanager.shared.email;

import java.util.Map;

/** What the merge fields of a message can read about its recipient (a contact, seen from the renderer). */
public record Recipient(String email, String firstName, String lastName, Map<String, Object> attributes) {
    public Recipient {
        // Map.copyOf refuses null values, which JSONB attributes may hold: keep the caller's (read-only) map.
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(attributes);
    }
}
