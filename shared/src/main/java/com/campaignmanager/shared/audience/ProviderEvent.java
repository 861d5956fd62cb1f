package com.campaignmanager.shared.audience;

import java.time.Instant;

/**
 * One event an email provider reported, as it is stored: its key (stable across the provider's retries), what it
 * is about, and what it asks of the suppression list. {@code email} is null when the event named no usable
 * address; {@code payloadJson} is the event object exactly as received.
 */
public record ProviderEvent(String provider, String idempotencyKey, String eventType, EmailAddress email,
                            String messageId, String customId, Instant occurredAt, String payloadJson,
                            SuppressionReason suppression, boolean softBounce) {
}
