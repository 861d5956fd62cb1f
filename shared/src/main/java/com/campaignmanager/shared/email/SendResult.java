package com.campaignmanager.shared.email;

import java.time.Duration;

/**
 * What a provider said about one message.
 *
 * @param providerMessageId the provider's id for the delivered message (Mailjet's MessageID, {@code outbox:<id>}),
 *                          null unless SENT
 * @param error             why it was not sent, null when SENT
 * @param retryAfter        the provider rate-limited the call and asked for no new call before this much time has
 *                          passed (HTTP 429 {@code Retry-After}); null otherwise
 */
public record SendResult(String customId, Outcome outcome, String providerMessageId, String error,
                         Duration retryAfter) {

    public SendResult(String customId, Outcome outcome, String providerMessageId, String error) {
        this(customId, outcome, providerMessageId, error, null);
    }

    public enum Outcome {
        /** The provider accepted the message. */
        SENT,
        /** Not accepted this time (rate limit, provider fault, no answer); sending it again is safe and may work. */
        RETRYABLE,
        /** Permanently refused for this message (bad address, invalid content, refused credentials). */
        REJECTED
    }

    public static SendResult sent(String customId, String providerMessageId) {
        return new SendResult(customId, Outcome.SENT, providerMessageId, null);
    }

    public static SendResult retryable(String customId, String error) {
        return new SendResult(customId, Outcome.RETRYABLE, null, error);
    }

    public static SendResult rejected(String customId, String error) {
        return new SendResult(customId, Outcome.REJECTED, null, error);
    }
}
