package com.campaignmanager.shared.http;

import com.campaignmanager.shared.db.Cursor;
import java.util.List;

/**
 * {@code ?limit=&cursor=}: at most 200 items a page (50 by default), and an opaque cursor, which is the encoded
 * keyset position the previous page ended at ({@link Cursor}).
 */
public record PageRequest(int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public boolean isFirstPage() {
        return cursor == null;
    }

    /** The key values of the cursor; one this API did not return is a 400 naming {@code cursor}. */
    public List<String> after(int keyParts) {
        if (cursor == null) {
            return null;
        }
        return Cursor.decode(cursor, keyParts);
    }
}
