package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.Audience;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.NotificationType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the team is told when a round moves through approval. Each key names one occurrence (a round submitted
 * again after a rejection is a new request), so publishing twice tells no one twice.
 */
public final class RoundNotices {
    private RoundNotices() {
    }

    /** The notice for an audited transition of the rounds routes, if it is one the team hears about. */
    public static Optional<Notice> afterTransition(String action, Round before, Round after, String actor) {
        return switch (action) {
            case "round.submitted" -> Optional.of(new Notice(NotificationType.APPROVAL_REQUESTED,
                    "round:" + after.id() + ":submitted:" + after.approval().submittedAt().toEpochMilli(), Notice.Severity.INFO,
                    "Approval requested: " + after.name(),
                    actor + " asks for approval of \"" + after.name() + "\", scheduled for " + after.message().scheduledAt()
                            + ".", "round", after.id().toString(), detail(after),
                    Audience.roles(Role.APPROVER).excluding(actor)));
            case "round.approved" -> Optional.of(new Notice(NotificationType.APPROVAL_APPROVED,
                    "round:" + after.id() + ":approved:" + after.approval().approvedAt().toEpochMilli(), Notice.Severity.INFO,
                    "Approved: " + after.name(),
                    actor + " approved \"" + after.name() + "\"; " + (after.status() == RoundStatus.PAUSED
                            ? "it is paused, and goes on when it is resumed." : "it goes out at "
                            + after.message().scheduledAt() + "."),
                    "round", after.id().toString(), detail(after),
                    Audience.person(before.approval().submittedBy()).and(Audience.person(after.createdBy())).excluding(actor)));
            case "round.rejected" -> Optional.of(new Notice(NotificationType.APPROVAL_REJECTED,
                    "round:" + after.id() + ":rejected:" + after.updatedAt().toEpochMilli(), Notice.Severity.WARNING,
                    "Rejected: " + after.name(),
                    actor + " rejected \"" + after.name() + "\": " + after.approval().rejectionReason(),
                    "round", after.id().toString(), detail(after),
                    Audience.person(before.approval().submittedBy()).and(Audience.person(after.createdBy())).excluding(actor)));
            case "round.paused", "round.resumed", "round.stopped" -> Optional.of(sendingChanged(after, actor));
            default -> Optional.empty();
        };
    }

    /**
     * A sending round was paused, resumed or stopped: the team hears it in-app (and on Slack for a pause or a
     * stop), with what has gone out and what is left. Each pause and resume is its own event (keyed by the round's
     * version); a round is stopped once.
     */
    public static Notice sendingChanged(Round round, String actor) {
        Round.Counts counts = round.counts();
        String progress = "Sent " + counts.sent() + " of " + counts.recipients() + ", " + counts.pending() + " left";
        Map<String, Object> detail = detail(round);
        detail.put("counts", counts);
        Audience team = Audience.roles(Role.EDITOR, Role.APPROVER).excluding(actor);
        return switch (round.status()) {
            case PAUSED -> new Notice(NotificationType.ROUND_PAUSED, "round:" + round.id() + ":paused:" + round.version(),
                    Notice.Severity.WARNING, "Paused: " + round.name(), actor + " paused \"" + round.name() + "\". "
                            + progress + "; nothing more goes out until it is resumed.", "round", round.id().toString(),
                    detail, team);
            case SENDING -> new Notice(NotificationType.ROUND_RESUMED,
                    "round:" + round.id() + ":resumed:" + round.version(), Notice.Severity.INFO,
                    "Resumed: " + round.name(), actor + " resumed \"" + round.name() + "\". " + progress + ".",
                    "round", round.id().toString(), detail, team);
            case STOPPED -> new Notice(NotificationType.ROUND_STOPPED, "round:" + round.id() + ":stopped",
                    Notice.Severity.CRITICAL, "Stopped: " + round.name(), actor + " stopped \"" + round.name()
                            + "\": " + round.lifecycle().stopReason() + ". Sent " + counts.sent() + " of "
                            + counts.recipients() + "; " + counts.skipped() + " skipped.", "round",
                    round.id().toString(), detail, team);
            default -> throw new IllegalArgumentException("not a change of sending: " + round.status());
        };
    }

    /** A paused round's message was changed, so it may not be resumed until the change is approved. */
    public static Notice changedWhilePaused(Round round, String actor) {
        return new Notice(NotificationType.APPROVAL_REQUESTED,
                "round:" + round.id() + ":changed-while-paused:" + round.updatedAt().toEpochMilli(),
                Notice.Severity.WARNING, "Approval needed to resume: " + round.name(),
                actor + " changed \"" + round.name() + "\" while it was paused; it cannot be resumed unless the "
                        + "change is approved.", "round", round.id().toString(), detail(round),
                Audience.roles(Role.APPROVER).excluding(actor));
    }

    /** A scheduled round was changed, so its approval lapsed and it waits for a decision again. */
    public static Notice approvalRequestedAgain(Round round, String actor) {
        return new Notice(NotificationType.APPROVAL_REQUESTED,
                "round:" + round.id() + ":changed-after-approval:" + round.updatedAt().toEpochMilli(),
                Notice.Severity.WARNING, "Approval needed again: " + round.name(),
                actor + " changed \"" + round.name() + "\" after it was approved; it will not go out at "
                        + round.message().scheduledAt() + " unless it is approved again.", "round", round.id().toString(),
                detail(round), Audience.roles(Role.APPROVER).excluding(actor));
    }

    /** A round that failed, as the launcher and the reminders job both describe it. */
    public record Failure(UUID roundId, String roundName, UUID campaignId, String campaignName, String reason,
                          Object checklist, int sent, int recipients, String submittedBy, String createdBy) {
    }

    /**
     * {@code round:{id}:failed}: the launcher publishes it in the transaction that fails the round; the reminders
     * job's sweep finds it there and says nothing more (or says it, if the launcher could not).
     */
    public static Notice failed(Failure f) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("roundId", f.roundId());
        detail.put("campaignId", f.campaignId());
        detail.put("failureReason", f.reason());
        if (f.checklist() != null) {
            detail.put("checklist", f.checklist());
        }
        String reason = f.reason() != null ? f.reason()
                : "no message could be delivered (" + (f.recipients() - f.sent()) + " failed)";
        return new Notice(NotificationType.ROUND_FAILED, "round:" + f.roundId() + ":failed", Notice.Severity.CRITICAL,
                "Failed: " + f.roundName(), "\"" + f.roundName() + "\" (" + f.campaignName() + ") failed: " + reason
                        + ". Sent " + f.sent() + " of " + f.recipients() + ".", "round", f.roundId().toString(), detail,
                Audience.roles(Role.EDITOR, Role.APPROVER).and(Audience.person(f.submittedBy()))
                        .and(Audience.person(f.createdBy())));
    }

    /** "preflight failed: lists: Newsletter has no recipient …; provider: …" — the failing checks, readable. */
    public static String preflightFailure(List<Preflight.Item> items) {
        return "preflight failed: " + String.join("; ", items.stream().filter(i -> i.status() == PreflightStatus.FAIL)
                .map(i -> i.check() + ": " + i.detail()).toList());
    }

    static Map<String, Object> detail(Round round) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("roundId", round.id());
        detail.put("campaignId", round.campaignId());
        detail.put("roundName", round.name());
        detail.put("scheduledAt", String.valueOf(round.message().scheduledAt()));
        detail.put("status", round.status());
        return detail;
    }
}
