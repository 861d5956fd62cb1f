package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Cursor;
import com.campaignmanager.shared.db.InvalidCursorException;
import com.campaignmanager.shared.db.Params;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The parameters every keyset-paged, searchable list of this area binds: {@code q} and the position after. */
final class Search {
    private Search() {
    }

    /** {@code q} for LIKE: its own wildcards are escaped, so that "50%" finds "50%". */
    static String likeText(String q) {
        return q == null ? null : q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Params byCreatedAt(Params params, String q, List<String> after) {
        params.put("q", likeText(q));
        if (after == null) {
            return params.put("afterCreatedAt", (Instant) null).put("afterId", (UUID) null);
        }
        try {
            return params.put("afterCreatedAt", Instant.parse(after.get(0))).put("afterId", UUID.fromString(after.get(1)));
        } catch (RuntimeException e) {
            throw new InvalidCursorException();
        }
    }

    static String cursor(Instant createdAt, UUID id) {
        return Cursor.encode(createdAt.toString(), id.toString());
    }
}
