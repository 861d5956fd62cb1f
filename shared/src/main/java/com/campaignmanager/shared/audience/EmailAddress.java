package com.campaignmanager.shared.audience;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An address as we store it: trimmed, domain lower-cased (the local part is kept as typed, because some servers
 * honour its case), and its key, the lower-cased whole, which decides whether two addresses are the same person.
 */
public record EmailAddress(String value, String key) {
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /** Thrown with a reason written for the person who sent the address. */
    public static final class InvalidEmailException extends IllegalArgumentException {
        public InvalidEmailException(String reason) {
            super(reason);
        }
    }

    public static EmailAddress parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidEmailException("email is missing");
        }
        String trimmed = raw.strip();
        if (trimmed.length() > 254) {
            throw new InvalidEmailException("email is longer than 254 characters");
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.indexOf('@') != at) {
            throw new InvalidEmailException("email must have one @ between a name and a domain");
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".")
                || local.contains("..")) {
            throw new InvalidEmailException("email has an invalid name part");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            throw new InvalidEmailException("email has an invalid domain");
        }
        String value = local + "@" + domain;
        return new EmailAddress(value, value.toLowerCase(Locale.ROOT));
    }

    /** SHA-256 of the key, hex: what the suppression list keeps (the same as the database computes). */
    public String hash() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
