package com.campaignmanager.shared.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * {@code ?limit=&cursor=}: at most 200 items a page (50 by default), and an opaque cursor, which is the encoded
 * keyset position the previous page ended at.
 */
public record PageRequest(int limit, List<String> after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        after = after == null ? null : List.copyOf(after);
    }

    public boolean isFirstPage() {
        return after == null;
    }

    /** The cursor for the page after the row with these key values (e.g. created_at and id). */
    public static String cursor(String... keyValues) {
        StringBuilder joined = new StringBuilder("v1");
        for (String value : keyValues) {
            joined.append('\u001f').append(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<String> decode(String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
        }
        String[] parts = decoded.split("\u001f", -1);
        if (parts.length < 2 || !parts[0].equals("v1")) {
            throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
        }
        return List.of(parts).subList(1, parts.length);
    }
}
