package com.campaignmanager.shared.campaigns;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A scheduled send of one message to lists. {@code scheduledAt} carries the campaign's zone offset. {@code version}
 * counts every change (the ETag); {@code approvedVersion} is the version its approval covered.
 */
public record Round(UUID id, UUID campaignId, String name, String subject, String htmlBody, String textBody,
                    List<UUID> listIds, OffsetDateTime scheduledAt, RoundStatus status, Counts counts, String submittedBy,
                    Instant submittedAt, String approvedBy, Instant approvedAt, String rejectionReason,
                    Instant launchedAt, Instant completedAt, RoundTrigger trigger, String failureReason, String createdBy,
                    Instant createdAt, Instant updatedAt, int version, Integer approvedVersion) {

    public record Counts(int recipients, int sent, int failed, int skipped) {
    }
}
