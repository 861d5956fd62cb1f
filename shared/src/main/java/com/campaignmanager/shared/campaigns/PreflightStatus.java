package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.StoredText;

/** One check of a preflight: pass, warn (shown, does not block) or fail (blocks submit, approve and launch). */
public enum PreflightStatus implements StoredText {
    PASS("pass"),
    WARN("warn"),
    FAIL("fail");

    private final String stored;

    PreflightStatus(String stored) {
        this.stored = stored;
    }

    @Override
    public String stored() {
        return stored;
    }
}
