package com.campaignmanager.shared.http;

import com.campaignmanager.shared.db.Page;
import java.util.List;

/** A page of a list endpoint: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record PageResponse<T>(List<T> items, String nextCursor) {
    public PageResponse {
        items = List.copyOf(items);
    }

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.nextCursor());
    }
}
