package com.campaignmanager.shared.db;

import java.time.Instant;
import java.util.List;

/**
 * The keyset of lists ordered by a time and a text id (timelines, decisions): binds {@code :afterAt} and
 * {@code :afterId}, both null on the first page, and writes the cursor of a position.
 */
public final class TimeKeyset {
    private TimeKeyset() {
    }

    /** {@code after}: the decoded cursor (two parts) or null for the first page. */
    public static Params bind(Params params, List<String> after) {
        if (after == null) {
            return params.put("afterAt", (Instant) null).put("afterId", (String) null);
        }
        try {
            return params.put("afterAt", Cursor.instant(after.get(0))).put("afterId", after.get(1));
        } catch (RuntimeException e) {
            throw new InvalidCursorException();
        }
    }

    public static String cursor(Instant at, String id) {
        return Cursor.encode(at.toString(), id);
    }
}
