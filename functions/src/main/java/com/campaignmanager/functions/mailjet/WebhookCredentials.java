package com.campaignmanager.functions.mailjet;

import com.campaignmanager.shared.config.Environment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP Basic credentials Mailjet puts in the callback URL ({@code MAILJET_WEBHOOK_USER},
 * {@code MAILJET_WEBHOOK_PASSWORD}). The password is required: a function without it stops at start rather than
 * accept a known one. The user defaults to {@code mailjet}, as in template.yaml.
 */
final class WebhookCredentials {
    static final String USER = "MAILJET_WEBHOOK_USER";
    static final String PASSWORD = "MAILJET_WEBHOOK_PASSWORD";
    static final String DEFAULT_USER = "mailjet";

    private final byte[] expected;

    private WebhookCredentials(String user, String password) {
        this.expected = digest((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static WebhookCredentials from(Environment environment) {
        return new WebhookCredentials(environment.optional(USER).orElse(DEFAULT_USER), environment.required(PASSWORD));
    }

    /** True for an {@code Authorization: Basic …} header with the right user and password. */
    boolean accept(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return false;
        }
        String header = authorization.get().strip();
        if (header.length() < 6 || !header.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Digests of equal length, compared in constant time: the answer's timing tells nothing of the secret.
        return MessageDigest.isEqual(expected, digest(given));
    }

    private static byte[] digest(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
