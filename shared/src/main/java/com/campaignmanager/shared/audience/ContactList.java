package com.campaignmanager.shared.audience;

import java.time.Instant;
import java.util.UUID;

public record ContactList(UUID id, String name, String description, long contactCount, Instant createdAt,
                          Instant updatedAt) {
}
