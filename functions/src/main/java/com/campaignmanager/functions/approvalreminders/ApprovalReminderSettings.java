package com.campaignmanager.functions.approvalreminders;

import com.campaignmanager.shared.config.Environment;

/** @param hours {@code APPROVAL_REMINDER_HOURS}, 1–168, default 4: how long a round waits before approvers are reminded */
record ApprovalReminderSettings(int hours) {
    static final String HOURS = "APPROVAL_REMINDER_HOURS";

    static ApprovalReminderSettings from(Environment environment) {
        return new ApprovalReminderSettings(environment.optionalInt(HOURS, 4, 1, 168));
    }
}
