package com.campaignmanager.shared.db;

/** Text a caller searches for, as a LIKE pattern's literal part: its own wildcards escaped, so "50%" finds "50%". */
public final class LikeText {
    private LikeText() {
    }

    /** {@code q} with {@code \}, {@code %} and {@code _} escaped; null for null. */
    public static String escaped(String q) {
        return q == null ? null : q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
