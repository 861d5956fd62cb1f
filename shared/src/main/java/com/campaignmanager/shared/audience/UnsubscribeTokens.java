package com.campaignmanager.shared.audience;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The per-recipient unsubscribe token of a message: contact and round, signed with HMAC-SHA256 under
 * {@code UNSUBSCRIBE_SIGNING_KEY}. It does not expire: an unsubscribe link in an old e-mail must keep working.
 */
@Singleton
public final class UnsubscribeTokens {
    public static final String SIGNING_KEY = UnsubscribeSigningKey.VARIABLE;
    private static final String VERSION = "u1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /**
     * Whom a valid token names: a contact, or for a test recipient who is not one, the test delivery
     * ({@link Unsubscriptions} finds the address either way); {@code roundId} is null for a message that belonged
     * to no round.
     */
    public record Recipient(UUID contactId, UUID roundId) {
    }

    private final byte[] key;

    @Inject
    public UnsubscribeTokens(UnsubscribeSigningKey key) {
        this.key = key.value().getBytes(StandardCharsets.UTF_8);
    }

    public UnsubscribeTokens(String key) {
        this(new UnsubscribeSigningKey(key));
    }

    public String create(UUID contactId, UUID roundId) {
        String payload = VERSION + "." + contactId + "." + (roundId == null ? "-" : roundId.toString());
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODER.encodeToString(sign(encoded));
    }

    /** The recipient, or empty for anything forged, altered or malformed. */
    public Optional<Recipient> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        byte[] signature;
        String payload;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            payload = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, sign(encoded))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Recipient(UUID.fromString(parts[1]),
                    parts[2].equals("-") ? null : UUID.fromString(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(encoded.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
