package com.campaignmanager.shared.email;

import java.util.Map;

/**
 * One rendered e-mail to one recipient, ready for a provider.
 *
 * @param customId    our delivery ledger id; the provider echoes it in its events, and the outbox keys on it
 * @param campaignTag the round id: Mailjet's CustomCampaign, which groups the round's messages and lets Mailjet
 *                    refuse a second message to the same address in it
 * @param headers     extra headers (e.g. List-Unsubscribe); never null after construction
 * @param test        a test send to a reviewer, not part of the round's delivery
 */
public record OutgoingMessage(String customId, String campaignTag, String fromEmail, String fromName, String replyTo,
                              String toEmail, String toName, String subject, String htmlBody, String textBody,
                              Map<String, String> headers, boolean test) {
    public OutgoingMessage {
        if (customId == null || customId.isBlank()) {
            throw new IllegalArgumentException("customId is required");
        }
        if (toEmail == null || toEmail.isBlank()) {
            throw new IllegalArgumentException("toEmail is required");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
