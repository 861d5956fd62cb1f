package com.campaignmanager.shared.email;

import java.util.Map;
import java.util.Objects;

/**
 * One rendered e-mail to one recipient, ready for a provider. Grouped so that the many strings of a message
 * cannot change places unnoticed: the two identifiers are apart, and each group holds only strings of one kind.
 *
 * @param customId    our delivery ledger id; the provider echoes it in its events, and the outbox keys on it
 * @param from        who sends it and where replies go
 * @param to          the one recipient
 * @param content     subject and bodies, already rendered for this recipient
 * @param campaignTag the round id: Mailjet's CustomCampaign, which groups the round's messages and lets Mailjet
 *                    refuse a second message to the same address in it; null for messages outside a round
 * @param headers     extra headers (e.g. List-Unsubscribe); never null after construction
 * @param test        a test send to a reviewer, not part of the round's delivery
 */
public record OutgoingMessage(String customId, Sender from, Addressee to, Content content, String campaignTag,
                              Map<String, String> headers, boolean test) {
    public OutgoingMessage {
        if (customId == null || customId.isBlank()) {
            throw new IllegalArgumentException("customId is required");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The sender address, its display name (optional) and the reply-to address (optional). */
    public record Sender(String email, String name, String replyTo) {
    }

    /** The recipient address and its display name (optional). */
    public record Addressee(String email, String name) {
        public Addressee {
            if (email == null || email.isBlank()) {
                throw new IllegalArgumentException("to.email is required");
            }
        }
    }

    /** The subject and the two bodies; either body may be absent. */
    public record Content(String subject, String html, String text) {
    }
}
