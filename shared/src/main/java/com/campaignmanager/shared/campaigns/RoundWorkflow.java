package com.campaignmanager.shared.campaigns;

import static com.campaignmanager.shared.campaigns.RoundStatus.CANCELLED;
import static com.campaignmanager.shared.campaigns.RoundStatus.DRAFT;
import static com.campaignmanager.shared.campaigns.RoundStatus.PENDING_APPROVAL;
import static com.campaignmanager.shared.campaigns.RoundStatus.SCHEDULED;
import static com.campaignmanager.shared.campaigns.RoundStatus.SENDING;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Transaction;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.Notifications;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A round's workflow, for every entry point (routes, jobs, assistants): draft → pending_approval (submit) →
 * scheduled (approve) → sending → sent | failed; cancelled from draft, pending_approval or scheduled; a rejection
 * goes back to draft with its reason. Each step is a compare-and-set on the locked round, audited and told in the
 * same transaction.
 *
 * <p>Four eyes: nobody approves a version they submitted or changed while it waited for approval — compared by
 * identity (the member, else the token's subject), never by an e-mail claim. An approval names the version the
 * approver saw; changing what an approved round sends, to whom or when (also through its campaign's sender) sends
 * it back for approval.
 */
@Singleton
public final class RoundWorkflow {
    private static final Set<RoundStatus> EDITABLE = EnumSet.of(DRAFT, PENDING_APPROVAL,
            SCHEDULED);
    private static final Set<RoundStatus> AWAITING_OR_APPROVED = EnumSet.of(PENDING_APPROVAL,
            SCHEDULED);

    /** What a create or an edit gives; on an edit, an absent (null) field keeps its value. */
    public record RoundFields(String name, String subject, String htmlBody, String textBody, List<UUID> listIds,
                              OffsetDateTime scheduledAt) {
        public RoundFields {
            if (name != null && (name.isBlank() || name.strip().length() > 200)) {
                throw new InvalidFieldException("name", "must be 1 to 200 characters");
            }
            if (subject != null && subject.length() > 998) {
                throw new InvalidFieldException("subject", "is longer than 998 characters");
            }
            // A stream, not contains(null): immutable lists given by direct callers throw on contains(null).
            if (listIds != null && listIds.stream().anyMatch(Objects::isNull)) {
                throw new InvalidFieldException("listIds", "must not contain null");
            }
            listIds = listIds == null ? null : List.copyOf(new LinkedHashSet<>(listIds));
        }
    }

    private final Database database;
    private final CampaignRepository campaigns;
    private final RoundRepository rounds;
    private final AuditTrail audit;
    private final Preflight preflight;
    private final Notifications notifications;

    @Inject
    public RoundWorkflow(Database database, CampaignRepository campaigns, RoundRepository rounds, AuditTrail audit,
                         Preflight preflight, Notifications notifications) {
        this.database = database;
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.audit = audit;
        this.preflight = preflight;
        this.notifications = notifications;
    }

    public Round create(Acting acting, UUID campaignId, RoundFields fields) {
        acting.caller().require(Role.EDITOR);
        if (fields.name() == null) {
            throw ApiProblem.invalid("name", "is required");
        }
        return database.inTransaction(tx -> {
            Campaign campaign = campaigns.lock(tx, campaignId)
                    .orElseThrow(() -> ApiProblem.notFound("campaign " + campaignId + " does not exist"));
            if (campaign.status() == CampaignStatus.ARCHIVED) {
                throw ApiProblem.conflict("an archived campaign takes no new rounds");
            }
            List<UUID> listIds = fields.listIds() == null ? List.of() : fields.listIds();
            requireLists(tx, listIds);
            UUID id = rounds.create(tx, campaignId, new RoundRepository.Content(fields.name(), text(fields.subject()),
                    text(fields.htmlBody()), text(fields.textBody()),
                    fields.scheduledAt() == null ? null : fields.scheduledAt().toInstant()), listIds, acting.actor());
            Round created = rounds.find(tx, id).orElseThrow();
            audit.record(tx, acting.actor(), "round.created", "round", id.toString(),
                    AuditTrail.change(acting.requestId(), null, created));
            return created;
        });
    }

    /**
     * Edits or reschedules a round not yet sending. Whoever changes what a waiting or approved round sends, to whom
     * or when may not approve it; an approved one goes back for approval, the approvers asked again.
     */
    public Round update(Acting acting, UUID roundId, RoundFields fields) {
        acting.caller().require(Role.EDITOR);
        return database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (!EDITABLE.contains(locked.status())) {
                throw ApiProblem.conflict("a " + locked.status().stored() + " round cannot be changed");
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            if (fields.listIds() != null) {
                requireLists(tx, fields.listIds());
                rounds.setLists(tx, roundId, fields.listIds());
            }
            rounds.updateContent(tx, roundId, new RoundRepository.Content(
                    fields.name() != null ? fields.name() : before.name(),
                    fields.subject() != null ? fields.subject() : before.message().subject(),
                    fields.htmlBody() != null ? fields.htmlBody() : before.message().htmlBody(),
                    fields.textBody() != null ? fields.textBody() : before.message().textBody(),
                    fields.scheduledAt() != null ? fields.scheduledAt().toInstant()
                            : before.message().scheduledAt() == null ? null : before.message().scheduledAt().toInstant()));
            Round after = rounds.find(tx, roundId).orElseThrow();
            boolean approvableChanged = !sameApprovableContent(before, after);
            if (approvableChanged && AWAITING_OR_APPROVED.contains(locked.status())) {
                rounds.excludeFromApproval(tx, roundId, approvalKeys(acting.caller()));
            }
            boolean backToApproval = approvableChanged && locked.status() == SCHEDULED;
            if (backToApproval) {
                rounds.transition(tx, roundId, SCHEDULED, PENDING_APPROVAL, acting.actor(), null);
                after = rounds.find(tx, roundId).orElseThrow();
            }
            audit.record(tx, acting.actor(), "round.updated", "round", roundId.toString(),
                    AuditTrail.change(acting.requestId(), before, after));
            if (backToApproval) {
                // The approval no longer stands: the approvers are asked again, as for a new submission.
                notifications.publish(tx, RoundNotices.approvalRequestedAgain(after, acting.actor()));
            }
            return after;
        });
    }

    public Round submit(Acting acting, UUID roundId) {
        acting.caller().require(Role.EDITOR);
        return transition(acting, roundId, DRAFT, PENDING_APPROVAL, null, "round.submitted", Optional.empty(),
                (tx, locked) -> {
                    requireReady(tx, roundId);
                    rounds.excludeFromApproval(tx, roundId, approvalKeys(acting.caller()));
                });
    }

    /** {@code seenVersion}: the version the approver looked at (If-Match); a round changed since is a 412. */
    public Round approve(Acting acting, UUID roundId, Optional<Integer> seenVersion) {
        acting.caller().require(Role.APPROVER);
        return transition(acting, roundId, PENDING_APPROVAL, SCHEDULED, null, "round.approved", seenVersion,
                (tx, locked) -> {
                    if (!java.util.Collections.disjoint(locked.approvalExcluded(), approvalKeys(acting.caller()))) {
                        throw ApiProblem.forbidden("you submitted this round or changed it while it waited for "
                                + "approval: someone else must approve it");
                    }
                    requireReady(tx, roundId);
                });
    }

    public Round reject(Acting acting, UUID roundId, String reason, Optional<Integer> seenVersion) {
        acting.caller().require(Role.APPROVER);
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason", "is required: say what has to change");
        }
        return transition(acting, roundId, PENDING_APPROVAL, DRAFT, reason.strip(), "round.rejected", seenVersion,
                (tx, locked) -> { });
    }

    public Round cancel(Acting acting, UUID roundId) {
        acting.caller().require(Role.EDITOR);
        return database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (!EDITABLE.contains(locked.status())) {
                throw ApiProblem.conflict("a " + locked.status().stored() + " round cannot be cancelled");
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            rounds.transition(tx, roundId, locked.status(), CANCELLED, acting.actor(), null);
            Round after = rounds.find(tx, roundId).orElseThrow();
            audit.record(tx, acting.actor(), "round.cancelled", "round", roundId.toString(),
                    AuditTrail.change(acting.requestId(), before, after));
            return after;
        });
    }

    /**
     * Sends an approved round now instead of at its time (approver or admin; trigger {@code manual}, audited): it
     * becomes due at once and the launch job, which runs every minute, sends it.
     */
    public Round sendNow(Acting acting, UUID roundId) {
        acting.caller().require(Role.APPROVER);
        return database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (locked.status() != SCHEDULED) {
                throw ApiProblem.conflict("only an approved (scheduled) round can be sent now; it is " + locked.status().stored());
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            rounds.sendNow(tx, roundId);
            Round after = rounds.find(tx, roundId).orElseThrow();
            audit.record(tx, acting.actor(), "round.send_now", "round", roundId.toString(),
                    AuditTrail.change(acting.requestId(), before, after));
            return after;
        });
    }

    /**
     * The campaign's sender (from, name, reply-to) changed, in {@code tx}, which holds the campaign's lock: what
     * its waiting and approved rounds send changed, so each is a new version the changer may not approve, and an
     * approved one goes back for approval. Refused while a round is sending: what it sends is fixed at launch.
     */
    public void senderChanged(Transaction tx, Acting acting, UUID campaignId) {
        List<RoundRepository.LockedStatus> all = rounds.lockCampaignRounds(tx, campaignId);
        if (all.stream().anyMatch(r -> r.status() == SENDING)) {
            throw ApiProblem.conflict("a round of this campaign is sending; change its sender when the send is done");
        }
        for (RoundRepository.LockedStatus round : all) {
            if (!AWAITING_OR_APPROVED.contains(round.status())) {
                continue;
            }
            Round before = rounds.find(tx, round.id()).orElseThrow();
            rounds.touch(tx, round.id());
            rounds.excludeFromApproval(tx, round.id(), approvalKeys(acting.caller()));
            if (round.status() == SCHEDULED) {
                rounds.transition(tx, round.id(), SCHEDULED, PENDING_APPROVAL, acting.actor(), null);
            }
            Round after = rounds.find(tx, round.id()).orElseThrow();
            Map<String, Object> detail = AuditTrail.change(acting.requestId(), before, after);
            detail.put("reason", "the campaign's sender changed");
            audit.record(tx, acting.actor(), "round.updated", "round", round.id().toString(), detail);
            if (round.status() == SCHEDULED) {
                notifications.publish(tx, RoundNotices.approvalRequestedAgain(after, acting.actor()));
            }
        }
    }

    /**
     * Archiving a campaign: its rounds are locked as the launcher claims them, so a launch and an archive happen
     * one after the other. Refused while one is sending; those not yet sent are cancelled. Answers their ids.
     */
    public List<UUID> cancelForArchive(Transaction tx, Acting acting, UUID campaignId) {
        List<RoundRepository.LockedStatus> all = rounds.lockCampaignRounds(tx, campaignId);
        if (all.stream().anyMatch(r -> r.status() == SENDING)) {
            throw ApiProblem.conflict("a round of this campaign is sending; archive it when the send is done");
        }
        List<UUID> cancelled = all.stream().filter(r -> EDITABLE.contains(r.status())).map(r -> r.id()).toList();
        for (UUID roundId : cancelled) {
            RoundRepository.Locked locked = lock(tx, roundId);
            rounds.transition(tx, roundId, locked.status(), CANCELLED, acting.actor(), null);
            audit.record(tx, acting.actor(), "round.cancelled", "round", roundId.toString(),
                    Map.of("reason", "campaign archived", "requestId", acting.requestId()));
        }
        return cancelled;
    }

    /** Submit and approve insist on a passing preflight; a fail answers 422 with the whole checklist. */
    private void requireReady(Transaction tx, UUID roundId) {
        Preflight.Result result = preflight.run(tx, roundId, false);
        if (!result.ready()) {
            List<String> problems = result.items().stream().filter(i -> i.status() == PreflightStatus.FAIL)
                    .map(i -> i.check() + ": " + i.detail()).toList();
            throw ApiProblem.unprocessable("the round is not ready: " + String.join("; ", problems),
                    Map.of("problems", problems, "checklist", result.items()));
        }
    }

    @FunctionalInterface
    private interface Check {
        void verify(Transaction tx, RoundRepository.Locked locked);
    }

    private Round transition(Acting acting, UUID roundId, RoundStatus from, RoundStatus to, String reason, String action,
                             Optional<Integer> seenVersion, Check check) {
        return database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (locked.status() != from) {
                throw ApiProblem.conflict("the round is " + locked.status().stored() + ", not " + from.stored());
            }
            if (seenVersion.isPresent() && seenVersion.get() != locked.version()) {
                throw ApiProblem.preconditionFailed("the round changed since you saw it (version " + seenVersion.get()
                        + ", now " + locked.version() + "): look at it again before deciding",
                        Map.of("version", locked.version()));
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            check.verify(tx, locked);
            rounds.transition(tx, roundId, from, to, acting.actor(), reason);
            Round after = rounds.find(tx, roundId).orElseThrow();
            Map<String, Object> detail = AuditTrail.change(acting.requestId(), before, after);
            detail.put("decidedVersion", locked.version());
            audit.record(tx, acting.actor(), action, "round", roundId.toString(), detail);
            RoundNotices.afterTransition(action, before, after, acting.actor())
                    .ifPresent(notice -> notifications.publish(tx, notice));
            return after;
        });
    }

    /**
     * The keys that bar someone from approving what they shaped: their identities (member, subject) and the actor
     * name rounds recorded before identities were kept.
     */
    private static Set<String> approvalKeys(Caller caller) {
        Set<String> keys = new LinkedHashSet<>(caller.identities());
        keys.add(caller.actor());
        return keys;
    }

    private static boolean sameApprovableContent(Round before, Round after) {
        return before.message().subject().equals(after.message().subject()) && before.message().htmlBody().equals(after.message().htmlBody())
                && before.message().textBody().equals(after.message().textBody()) && before.message().listIds().equals(after.message().listIds())
                && Objects.equals(before.message().scheduledAt() == null ? null : before.message().scheduledAt().toInstant(),
                        after.message().scheduledAt() == null ? null : after.message().scheduledAt().toInstant());
    }

    private void requireLists(Transaction tx, List<UUID> listIds) {
        List<String> missing = listIds.isEmpty() ? List.of() : rounds.missingLists(tx, listIds);
        if (!missing.isEmpty()) {
            throw ApiProblem.invalid("listIds", "no list " + String.join(", ", missing));
        }
    }

    private RoundRepository.Locked lock(Transaction tx, UUID roundId) {
        return rounds.lock(tx, roundId).orElseThrow(() -> ApiProblem.notFound("round " + roundId + " does not exist"));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
