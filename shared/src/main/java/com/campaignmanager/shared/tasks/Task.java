package com.campaignmanager.shared.tasks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Work around a campaign (or one of its rounds), for one member. {@code dueAt} is shown in the campaign's zone. */
public record Task(UUID id, UUID campaignId, UUID roundId, String title, String notes, UUID assigneeId,
                   OffsetDateTime dueAt, TaskStatus status, String createdBy, Instant completedAt, Instant createdAt,
                   Instant updatedAt) {
}
