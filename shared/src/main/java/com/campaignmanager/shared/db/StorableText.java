package com.campaignmanager.shared.db;

import java.util.Optional;

/**
 * Text the database can keep and give back: PostgreSQL refuses NUL in text and JSON, an unpaired UTF-16
 * surrogate has no UTF-8 form (so the Data API cannot carry it), and the Data API returns no row over 64 KB, so a
 * larger value would be stored but never read again. Input is checked against this where it comes in, so that
 * such text is a 400 naming the field rather than a database error, or a row no page can show.
 */
public final class StorableText {
    /** The most one value may take in UTF-8: room for the rest of its row within the Data API's 64 KB. */
    public static final int MAX_BYTES = 48 * 1024;

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, written to follow the field's name; empty when it can. */
    public static Optional<String> problem(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                bytes += 4;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("is not valid Unicode (an unpaired surrogate)");
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (bytes > MAX_BYTES) {
            return Optional.of("is longer than " + MAX_BYTES / 1024 + " KB");
        }
        return Optional.empty();
    }
}
