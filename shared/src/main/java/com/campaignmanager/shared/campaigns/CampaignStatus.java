package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.StoredText;

/** A campaign is active until it is archived. */
public enum CampaignStatus implements StoredText {
    ACTIVE("active"),
    ARCHIVED("archived");

    private final String stored;

    CampaignStatus(String stored) {
        this.stored = stored;
    }

    @Override
    public String stored() {
        return stored;
    }
}
