package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.CreatedAtKeyset;
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
        return CreatedAtKeyset.bind(params.put("q", likeText(q)), after);
    }

    static String cursor(Instant createdAt, UUID id) {
        return CreatedAtKeyset.cursor(createdAt, id);
    }
}
