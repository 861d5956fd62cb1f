package com.campaignmanager.shared.audience;

import java.util.Locale;
import java.util.Optional;

public enum SuppressionReason {
    MANUAL, UNSUBSCRIBED, HARD_BOUNCE, SOFT_BOUNCE_LIMIT, SPAM_COMPLAINT, BLOCKED, ERASED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SuppressionReason> fromWireName(String value) {
        for (SuppressionReason reason : values()) {
            if (reason.wireName().equals(value)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** Spam complaints and erasures are never lifted: mailing them again is what the list exists to prevent. */
    public boolean isPermanent() {
        return this == SPAM_COMPLAINT || this == ERASED;
    }
}
