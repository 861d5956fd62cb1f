package com.campaignmanager.shared.notifications;

import java.util.Map;

/**
 * One thing to tell the team. {@code dedupKey} names the event itself (e.g. {@code round:{id}:reminder:24h}): a
 * second notice with the same key is the same event and tells no one again.
 */
public record Notice(NotificationType type, String dedupKey, Severity severity, String title, String body,
                     String entityType, String entityId, Map<String, Object> detail, Audience audience) {
    public enum Severity {
        INFO, WARNING, CRITICAL;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Notice {
        if (dedupKey == null || dedupKey.isBlank()) {
            throw new IllegalArgumentException("dedupKey is required");
        }
        body = body == null ? "" : body;
        detail = detail == null ? Map.of() : detail;
    }
}
