package com.campaignmanager.shared.db;

import java.util.List;

/**
 * One page of a keyset-paged query. {@code nextCursor} is null on the last page; otherwise it is what the caller
 * passes back to get the rows after this page.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
