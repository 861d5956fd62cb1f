package com.campaignmanager.shared.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The keyset most lists page by: {@code (created_at, id)}. Binds {@code :afterCreatedAt} and {@code :afterId}
 * (both null on the first page) and writes the cursor of a row.
 */
public final class CreatedAtKeyset {
    private CreatedAtKeyset() {
    }

    /** {@code after}: the decoded cursor (two parts) or null for the first page. */
    public static Params bind(Params params, List<String> after) {
        if (after == null) {
            return params.put("afterCreatedAt", (Instant) null).put("afterId", (UUID) null);
        }
        try {
            return params.put("afterCreatedAt", Cursor.instant(after.get(0))).put("afterId", UUID.fromString(after.get(1)));
        } catch (RuntimeException e) {
            throw new InvalidCursorException();
        }
    }

    public static String cursor(Instant createdAt, UUID id) {
        return Cursor.encode(createdAt.toString(), id.toString());
    }
}
