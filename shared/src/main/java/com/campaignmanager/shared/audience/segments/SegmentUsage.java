package com.campaignmanager.shared.audience.segments;

import com.campaignmanager.shared.db.Transaction;
import com.campaignmanager.shared.http.Acting;
import java.util.UUID;

/**
 * Who copies a segment's conditions (rounds do: {@code campaigns.SegmentsInRounds}), asked in the transaction that
 * changes or deletes the segment. The audience area knows nothing of campaigns.
 */
public interface SegmentUsage {
    /** The segment's conditions changed (already written in {@code tx}): those who copy them take the new ones. */
    void segmentChanged(Transaction tx, Acting acting, UUID segmentId);

    /** The segment is about to be deleted: refused (409) while something waiting for approval or approved uses it. */
    void requireUnused(Transaction tx, UUID segmentId);
}
