package com.campaignmanager.shared.tasks;

import com.campaignmanager.shared.http.ApiProblem;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What creating or editing a task gives; on an edit an absent field keeps its value, "" clears the notes and
 * {@code unassign} removes the assignee. The values are checked by {@link Tasks}, after the caller's role.
 */
public record TaskFields(UUID roundId, String title, String notes, UUID assigneeId, OffsetDateTime dueAt,
                         String status, Boolean unassign) {

    /** The same fields with each value checked (a 400 naming the first bad one) and the title trimmed. */
    TaskFields checked() {
        if (title != null && (title.isBlank() || title.strip().length() > 200)) {
            throw ApiProblem.invalid("title", "must be 1 to 200 characters");
        }
        if (notes != null && notes.length() > 10_000) {
            throw ApiProblem.invalid("notes", "must be at most 10000 characters");
        }
        TaskStatus.given(status);
        return new TaskFields(roundId, title == null ? null : title.strip(), notes, assigneeId, dueAt, status,
                unassign);
    }
}
