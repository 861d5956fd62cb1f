package com.campaignmanager.shared.campaigns;

import java.time.Instant;
import java.util.UUID;

/**
 * A reusable layout: HTML (and optionally text) with one {@code {{content}}} slot that a round's content fills, and
 * merge fields. {@code version} counts every edit (the ETag); each version's layout is kept, so that a round sends
 * exactly the version its approval covered. An archived template ({@code archivedAt}) is hidden from the list and
 * taken by no new round, but stays readable for the rounds sent with it.
 */
public record Template(UUID id, String name, String description, String htmlLayout, String textLayout, int version,
                       String createdBy, Instant createdAt, Instant updatedAt, Instant archivedAt, String archivedBy) {

    /** What {@code GET /templates} lists: everything but the layouts, which a page of many would make too large. */
    public record Summary(UUID id, String name, String description, int version, String createdBy, Instant createdAt,
                          Instant updatedAt) {
    }
}
