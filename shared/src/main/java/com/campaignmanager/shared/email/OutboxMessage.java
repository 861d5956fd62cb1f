package com.campaignmanager.shared.email;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A message as the outbox stored it. In a page the bodies are null: {@link OutboxRepository#find} has them. */
public record OutboxMessage(UUID id, String customId, String campaignTag, String fromEmail, String fromName,
                            String replyTo, String toEmail, String toName, String subject, String htmlBody,
                            String textBody, Map<String, String> headers, boolean test, Instant storedAt) {

    /** What the outbox answers as the provider's message id. */
    public String providerMessageId() {
        return OutboxProvider.messageId(id);
    }
}
