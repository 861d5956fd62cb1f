package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.CreatedAtKeyset;
import com.campaignmanager.shared.db.LikeText;
import com.campaignmanager.shared.db.Params;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The parameters every keyset-paged, searchable list of this area binds: {@code q} and the position after. */
final class Search {
    private Search() {
    }

    static Params byCreatedAt(Params params, String q, List<String> after) {
        return CreatedAtKeyset.bind(params.put("q", LikeText.escaped(q)), after);
    }

    static String cursor(Instant createdAt, UUID id) {
        return CreatedAtKeyset.cursor(createdAt, id);
    }
}
