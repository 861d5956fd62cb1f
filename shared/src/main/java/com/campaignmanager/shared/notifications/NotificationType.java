package com.campaignmanager.shared.notifications;

import java.util.Optional;

/**
 * What the team is told about, with who hears it by default and on which channels. A member's preferences
 * override the channels per type.
 */
public enum NotificationType {
    APPROVAL_REQUESTED("approval.requested", true, true),
    APPROVAL_APPROVED("approval.approved", false, true),
    APPROVAL_REJECTED("approval.rejected", true, true),
    /** A round has waited for a decision longer than the configured time. */
    APPROVAL_OVERDUE("approval.overdue", true, true),
    /** A round is due within 24 hours but not approved: it will not go out. */
    ROUND_NOT_APPROVED("round.not_approved", true, true),
    ROUND_REMINDER("round.reminder", false, true),
    ROUND_LAUNCHED("round.launched", false, true),
    ROUND_COMPLETED("round.completed", false, true),
    ROUND_FAILED("round.failed", true, true),
    /** A sending round was paused: nothing more goes out until it is resumed. */
    ROUND_PAUSED("round.paused", false, true),
    ROUND_RESUMED("round.resumed", false, false),
    /** A sending or paused round was stopped for good: what had not gone out never will. */
    ROUND_STOPPED("round.stopped", false, true),
    LISTS_CLEANED("lists.cleaned", false, false),
    TASK_ASSIGNED("task.assigned", true, false),
    TASK_OVERDUE("task.overdue", true, false),
    /** Only in-app: the Slack channel is the one that is gone. */
    SLACK_DISABLED("slack.disabled", true, false);

    private final String wireName;
    private final boolean emailByDefault;
    private final boolean slackByDefault;

    NotificationType(String wireName, boolean emailByDefault, boolean slackByDefault) {
        this.wireName = wireName;
        this.emailByDefault = emailByDefault;
        this.slackByDefault = slackByDefault;
    }

    public String wireName() {
        return wireName;
    }

    public boolean emailByDefault() {
        return emailByDefault;
    }

    public boolean slackByDefault() {
        return slackByDefault;
    }

    public static Optional<NotificationType> fromWireName(String name) {
        for (NotificationType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
