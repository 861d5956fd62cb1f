package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.StoredText;

/** Where a round is in its life: draft → pending_approval → scheduled → sending → sent | failed; or cancelled. */
public enum RoundStatus implements StoredText {
    DRAFT("draft"),
    PENDING_APPROVAL("pending_approval"),
    SCHEDULED("scheduled"),
    SENDING("sending"),
    SENT("sent"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String stored;

    RoundStatus(String stored) {
        this.stored = stored;
    }

    @Override
    public String stored() {
        return stored;
    }
}
