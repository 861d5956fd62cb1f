package com.campaignmanager.shared.tasks;

import com.campaignmanager.shared.http.InvalidFieldException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What creating or editing a task gives; on an edit an absent field keeps its value, "" clears the notes and
 * {@code unassign} removes the assignee. Each value given is checked here; what a create needs is {@link Tasks}'s.
 */
public record TaskFields(UUID roundId, String title, String notes, UUID assigneeId, OffsetDateTime dueAt,
                         String status, Boolean unassign) {
    public TaskFields {
        if (title != null && (title.isBlank() || title.strip().length() > 200)) {
            throw new InvalidFieldException("title", "must be 1 to 200 characters");
        }
        if (notes != null && notes.length() > 10_000) {
            throw new InvalidFieldException("notes", "must be at most 10000 characters");
        }
        if (status != null && !Tasks.STATUSES.contains(status)) {
            throw new InvalidFieldException("status", "must be todo, doing or done");
        }
        title = title == null ? null : title.strip();
    }
}
