package com.campaignmanager.shared.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset position (the sort-key values of the last row of a page), safe in a URL. Clients only hand
 * back what they were given.
 */
public final class Cursor {
    private static final String VERSION = "v1";
    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... keyValues) {
        StringBuilder joined = new StringBuilder(VERSION);
        for (String value : keyValues) {
            joined.append(SEPARATOR).append(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The key values, or {@link InvalidCursorException} for anything this class did not write. */
    public static List<String> decode(String cursor, int expectedParts) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
        String[] parts = decoded.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != expectedParts + 1 || !parts[0].equals(VERSION) || StorableText.problem(decoded).isPresent()) {
            throw new InvalidCursorException();
        }
        return List.of(parts).subList(1, parts.length);
    }

    /** A time key value of a decoded cursor; {@link InvalidCursorException} unless it is one this API could write. */
    public static Instant instant(String keyValue) {
        Instant instant;
        try {
            instant = Instant.parse(keyValue);
        } catch (DateTimeParseException e) {
            throw new InvalidCursorException();
        }
        if (!StorableTime.holds(instant)) {
            throw new InvalidCursorException();
        }
        return instant;
    }
}
