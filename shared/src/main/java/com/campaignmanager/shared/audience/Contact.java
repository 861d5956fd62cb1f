package com.campaignmanager.shared.audience;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A person on one or more lists; {@code suppression} is set when the address must never be mailed. */
public record Contact(UUID id, String email, String firstName, String lastName, Map<String, Object> attributes,
                      boolean suppressed, SuppressionStatus suppression, Instant createdAt, Instant updatedAt) {

    public record SuppressionStatus(String reason, Instant since) {
    }
}
