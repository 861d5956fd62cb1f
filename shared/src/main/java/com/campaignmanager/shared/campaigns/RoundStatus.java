package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.StoredText;

/**
 * Where a round is in its life: draft → pending_approval → scheduled → sending → sent | failed; or cancelled before
 * it sends; a sending round may be paused (and resumed) or stopped (see {@link RoundWorkflow}).
 */
public enum RoundStatus implements StoredText {
    DRAFT("draft"),
    PENDING_APPROVAL("pending_approval"),
    SCHEDULED("scheduled"),
    SENDING("sending"),
    /** Sending was paused: no worker calls the provider for it until it is resumed. */
    PAUSED("paused"),
    SENT("sent"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    /** Stopped while sending or paused: final; what had not gone out is skipped with the reason. */
    STOPPED("stopped");

    private final String stored;

    RoundStatus(String stored) {
        this.stored = stored;
    }

    @Override
    public String stored() {
        return stored;
    }
}
