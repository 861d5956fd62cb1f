package com.campaignmanager.shared.campaigns;

import static com.campaignmanager.shared.campaigns.RoundStatus.PENDING_APPROVAL;
import static com.campaignmanager.shared.campaigns.RoundStatus.SCHEDULED;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Transaction;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.notifications.Notifications;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A round changed through something it takes from elsewhere (its campaign's sender, the saved segment it copies
 * its conditions from): the one path for every such change. It is a new version; whoever made the change may not
 * approve it; an approved (scheduled) round goes back for approval and the approvers are asked again; all of it
 * audited with the reason, in the caller's transaction.
 */
@Singleton
public final class ApprovalRecall {
    private final RoundRepository rounds;
    private final AuditTrail audit;
    private final Notifications notifications;

    @Inject
    public ApprovalRecall(RoundRepository rounds, AuditTrail audit, Notifications notifications) {
        this.rounds = rounds;
        this.audit = audit;
        this.notifications = notifications;
    }

    /** {@code change} changes the round, which the caller has locked (as {@code round}), for {@code reason}. */
    public void changed(Transaction tx, Acting acting, RoundRepository.LockedStatus round, String reason,
                        Runnable change) {
        Round before = rounds.find(tx, round.id()).orElseThrow();
        change.run();
        rounds.touch(tx, round.id());
        if (RoundWorkflow.AWAITING_OR_APPROVED.contains(round.status())) {
            rounds.excludeFromApproval(tx, round.id(), RoundWorkflow.approvalKeys(acting.caller()));
        }
        if (round.status() == SCHEDULED) {
            rounds.transition(tx, round.id(), SCHEDULED, PENDING_APPROVAL, acting.actor(), null);
        }
        Round after = rounds.find(tx, round.id()).orElseThrow();
        Map<String, Object> detail = AuditTrail.change(acting.requestId(), before, after);
        detail.put("reason", reason);
        audit.record(tx, acting.actor(), "round.updated", "round", round.id().toString(), detail);
        if (round.status() == SCHEDULED) {
            notifications.publish(tx, RoundNotices.approvalRequestedAgain(after, acting.actor()));
        }
    }
}
