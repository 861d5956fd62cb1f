package com.campaignmanager.shared.campaigns;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A scheduled send of one message to lists, grouped as what it sends ({@link Message}), how it was approved
 * ({@link Approval}) and how it went ({@link Lifecycle}); answered flat, as one JSON object. {@code version}
 * counts every change (the ETag).
 */
public record Round(UUID id, UUID campaignId, String name, @JsonUnwrapped Message message, RoundStatus status,
                    Counts counts, @JsonUnwrapped Approval approval, @JsonUnwrapped Lifecycle lifecycle,
                    String createdBy, Instant createdAt, Instant updatedAt, int version,
                    @JsonUnwrapped Audience audience) {

    /**
     * What an approval covers: the message, its lists, its time ({@code scheduledAt} in the campaign's zone), and
     * its template ({@code templateId}; then the bodies are the content of its slot).
     */
    public record Message(String subject, String htmlBody, String textBody, List<UUID> listIds,
                          OffsetDateTime scheduledAt, UUID templateId) {
    }

    /**
     * Who of its lists it goes to, also covered by an approval: {@code conditions} (null: everyone on the lists) as
     * validated by {@code audience.segments.Conditions}, copied from the saved segment {@code segmentId} when it
     * names one; contacts on {@code excludedListIds} are not recipients.
     */
    public record Audience(JsonNode conditions, List<UUID> excludedListIds, UUID segmentId) {
        public Audience {
            excludedListIds = List.copyOf(excludedListIds);
        }
    }

    /**
     * Who submitted and who decided; {@code approvedVersion} is the version the approval covered, and
     * {@code approvedTemplateVersion} the version of its template (what the launcher sends).
     */
    public record Approval(String submittedBy, Instant submittedAt, String approvedBy, Instant approvedAt,
                           Integer approvedVersion, String rejectionReason, Integer approvedTemplateVersion) {
    }

    /**
     * The send: when it started and ended, what started it, why it failed if it did, and who stopped it and why if
     * it was stopped.
     */
    public record Lifecycle(Instant launchedAt, Instant completedAt, RoundTrigger trigger, String failureReason,
                            String stoppedBy, String stopReason) {
    }

    /**
     * The ledger's counts, settled when the round is paused, stopped or finished (while it sends they lag):
     * {@code pending} is what is left to send.
     */
    public record Counts(int recipients, int sent, int failed, int skipped, int pending) {
        public Counts(int recipients, int sent, int failed, int skipped) {
            this(recipients, sent, failed, skipped, Math.max(0, recipients - sent - failed - skipped));
        }
    }
}
