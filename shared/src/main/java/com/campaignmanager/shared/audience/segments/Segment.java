package com.campaignmanager.shared.audience.segments;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A saved segment: conditions rounds may copy ({@link Conditions}); {@code version} counts every change. */
public record Segment(UUID id, String name, String description, JsonNode conditions, int version, String createdBy,
                      Instant createdAt, Instant updatedAt) {
}
