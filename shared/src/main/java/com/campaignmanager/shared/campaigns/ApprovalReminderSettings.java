package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.config.Environment;

/** @param hours {@code APPROVAL_REMINDER_HOURS}, 1–168, default 4: how long a round waits before approvers are reminded */
public record ApprovalReminderSettings(int hours) {
    public static final String HOURS = "APPROVAL_REMINDER_HOURS";

    public static ApprovalReminderSettings from(Environment environment) {
        return new ApprovalReminderSettings(environment.optionalInt(HOURS, 4, 1, 168));
    }
}
