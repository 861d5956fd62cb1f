package com.campaignmanager.shared.notifications;

import com.campaignmanager.shared.db.StoredText;

/** One outbound notice (e-mail or Slack): pending (perhaps waiting for a retry), sent, failed, or disabled. */
public enum OutboundStatus implements StoredText {
    PENDING("pending"),
    SENT("sent"),
    FAILED("failed"),
    /** Its channel was switched off (the webhook is gone). */
    DISABLED("disabled");

    private final String stored;

    OutboundStatus(String stored) {
        this.stored = stored;
    }

    @Override
    public String stored() {
        return stored;
    }
}
