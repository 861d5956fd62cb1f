package com.campaignmanager.shared.audience;

/**
 * What adding contacts to a list did. {@code added}: newly on the list; {@code updated}: already on it, with
 * changed data; {@code unchanged}: already on it as given; {@code suppressed}: on the list but suppressed, so never
 * mailed.
 */
public record UpsertSummary(long added, long updated, long unchanged, long suppressed) {
    static final UpsertSummary NONE = new UpsertSummary(0, 0, 0, 0);

    UpsertSummary plus(UpsertSummary other) {
        return new UpsertSummary(added + other.added, updated + other.updated, unchanged + other.unchanged,
                suppressed + other.suppressed);
    }
}
