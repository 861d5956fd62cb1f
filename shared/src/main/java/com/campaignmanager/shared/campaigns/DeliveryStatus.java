package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.StoredText;

/** One message of the ledger: pending until the provider's answer, then sent, failed or skipped (suppressed). */
public enum DeliveryStatus implements StoredText {
    PENDING("pending"),
    SENT("sent"),
    FAILED("failed"),
    SKIPPED("skipped");

    private final String stored;

    DeliveryStatus(String stored) {
        this.stored = stored;
    }

    @Override
    public String stored() {
        return stored;
    }
}
