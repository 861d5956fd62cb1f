package com.campaignmanager.shared.audience.mailjet;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.ProviderEvent;
import com.campaignmanager.shared.audience.SuppressionReason;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One event of Mailjet's event webhook ({@code sent}, {@code open}, {@code click}, {@code bounce},
 * {@code blocked}, {@code spam}, {@code unsub}, or a type added later), with the fields this system reads.
 * Any field may be missing: an odd event is stored and ignored rather than refused, because refusing it would
 * make Mailjet resend the whole batch for a day. {@code payload} is the object as received.
 */
public record MailjetEvent(String event, Long time, String messageId, String messageGuid, String email,
                           String customId, String customCampaign, Boolean hardBounce, String errorRelatedTo,
                           String error, String url, JsonNode payload) {
    public static final String PROVIDER = "mailjet";
    /** Up to 9999-12-31: a later {@code time} is not a time PostgreSQL stores. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    static MailjetEvent of(JsonNode node) {
        return new MailjetEvent(text(node, "event"), epochSecond(node.get("time")), text(node, "MessageID"),
                text(node, "Message_GUID"), text(node, "email"), text(node, "CustomID"), text(node, "customcampaign"),
                bool(node.get("hard_bounce")), text(node, "error_related_to"), text(node, "error"), text(node, "url"),
                node);
    }

    /** The event's type, lower-cased; {@code unknown} when it has none. */
    public String type() {
        return event == null ? "unknown" : event.toLowerCase(Locale.ROOT);
    }

    /** Mailjet's soft bounce: a bounce that is not a hard one (a missing flag counts as soft, the milder reading). */
    public boolean isSoftBounce() {
        return type().equals("bounce") && !Boolean.TRUE.equals(hardBounce);
    }

    /** What the event asks of the suppression list, or null. */
    public SuppressionReason suppression() {
        return switch (type()) {
            case "bounce" -> Boolean.TRUE.equals(hardBounce) ? SuppressionReason.HARD_BOUNCE : null;
            case "blocked" -> isAboutTheMessage() ? null : SuppressionReason.BLOCKED;
            case "spam" -> SuppressionReason.SPAM_COMPLAINT;
            case "unsub" -> SuppressionReason.UNSUBSCRIBED;
            default -> null;
        };
    }

    /**
     * A block that says nothing about the address: Mailjet's own de-duplication ({@code DeduplicateCampaign}
     * refusing a second message of a campaign) or the content of one message.
     */
    boolean isAboutTheMessage() {
        return "duplicate in campaign".equalsIgnoreCase(error) || "content".equalsIgnoreCase(errorRelatedTo);
    }

    /** The address, normalised; null when the event has none we can use. */
    public EmailAddress address() {
        if (email == null) {
            return null;
        }
        try {
            return EmailAddress.parse(email);
        } catch (EmailAddress.InvalidEmailException e) {
            return null;
        }
    }

    /**
     * Mailjet sends no event id, so the key is derived from what makes an event itself: type, time, message and
     * address (and the link, for clicks). A resent event has the same fields, so the same key. Hashed, so that the
     * key (which suppression sources quote) holds no address.
     */
    public String idempotencyKey() {
        EmailAddress address = address();
        String emailKey = address != null ? address.key() : email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String identity = String.join("\u001f", "v1", type(), time == null ? "" : time.toString(),
                nullToEmpty(messageId), nullToEmpty(messageGuid), emailKey,
                type().equals("click") ? nullToEmpty(url) : "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As stored; an event without a usable time is dated when it was received. */
    public ProviderEvent toProviderEvent(Instant receivedAt) {
        Instant occurredAt = time != null ? Instant.ofEpochSecond(time) : receivedAt;
        return new ProviderEvent(PROVIDER, idempotencyKey(), type(), address(), messageId, customId, occurredAt,
                payload.toString(), suppression(), isSoftBounce());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static Long epochSecond(JsonNode value) {
        if (value == null) {
            return null;
        }
        long seconds;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            seconds = value.longValue();
        } else if (value.isTextual() && value.asText().strip().matches("[0-9]{1,12}")) {
            seconds = Long.parseLong(value.asText().strip());
        } else {
            return null;
        }
        return seconds >= 0 && seconds <= MAX_EPOCH_SECOND ? seconds : null;
    }

    private static Boolean bool(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() || value.isNumber()) {
            String text = value.asText().strip().toLowerCase(Locale.ROOT);
            return text.equals("true") || text.equals("1");
        }
        return null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
