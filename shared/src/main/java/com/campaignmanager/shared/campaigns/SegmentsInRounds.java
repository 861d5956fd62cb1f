package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.segments.SegmentUsage;
import com.campaignmanager.shared.db.Transaction;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Rounds that copy a segment's conditions: a round records the conditions it is approved with, so an edit of the
 * segment reaches it only as a change of its own, through {@link ApprovalRecall} like a change of its campaign's
 * sender. Rounds that have started sending keep what they were launched with (their ledger is their audience).
 */
@Singleton
public final class SegmentsInRounds implements SegmentUsage {
    private final RoundRepository rounds;
    private final ApprovalRecall recall;

    @Inject
    public SegmentsInRounds(RoundRepository rounds, ApprovalRecall recall) {
        this.rounds = rounds;
        this.recall = recall;
    }

    @Override
    public void segmentChanged(Transaction tx, Acting acting, UUID segmentId) {
        for (RoundRepository.LockedStatus round : rounds.lockUsingSegment(tx, segmentId)) {
            recall.changed(tx, acting, round, "the segment " + segmentId + " changed",
                    () -> rounds.copySegment(tx, round.id(), segmentId));
        }
    }

    /** Drafts lose the link and keep their copy; a round waiting for approval or approved keeps the segment. */
    @Override
    public void requireUnused(Transaction tx, UUID segmentId) {
        List<RoundRepository.LockedStatus> waiting = rounds.lockUsingSegment(tx, segmentId).stream()
                .filter(r -> r.status() != RoundStatus.DRAFT).toList();
        if (!waiting.isEmpty()) {
            throw ApiProblem.conflict("the segment is used by " + waiting.size() + " round(s) waiting for approval "
                    + "or approved; change their conditions or cancel them first: "
                    + waiting.stream().map(r -> r.id() + " (" + r.status().stored() + ")").toList());
        }
    }
}
