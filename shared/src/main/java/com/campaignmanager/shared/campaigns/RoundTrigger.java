package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.StoredText;

/** What launched a round: its schedule, or someone's send-now. */
public enum RoundTrigger implements StoredText {
    SCHEDULE("schedule"),
    MANUAL("manual");

    private final String stored;

    RoundTrigger(String stored) {
        this.stored = stored;
    }

    @Override
    public String stored() {
        return stored;
    }
}
