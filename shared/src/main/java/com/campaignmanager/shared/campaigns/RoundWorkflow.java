package com.campaignmanager.shared.campaigns;

import static com.campaignmanager.shared.campaigns.RoundStatus.CANCELLED;
import static com.campaignmanager.shared.campaigns.RoundStatus.DRAFT;
import static com.campaignmanager.shared.campaigns.RoundStatus.PAUSED;
import static com.campaignmanager.shared.campaigns.RoundStatus.PENDING_APPROVAL;
import static com.campaignmanager.shared.campaigns.RoundStatus.SCHEDULED;
import static com.campaignmanager.shared.campaigns.RoundStatus.SENDING;

import com.campaignmanager.shared.audience.segments.Conditions;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Transaction;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.Notifications;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
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
 *
 * <p>Once a worker has claimed a round it is <em>launched</em>: its recipients are its ledger, which is never
 * rewritten and from which nothing is sent twice. Then:
 * <ul>
 * <li>sending → paused (pause: editor, approver or admin): the worker stops before its next provider call and no
 *     worker claims a paused round; paused → sending (resume: approver or admin), continued from the ledger.
 * <li>sending or paused → stopped (stop: approver or admin, with a reason): final; the pending messages are
 *     skipped with the reason. A launched round is never cancelled: it is stopped.
 * <li>A paused round may be renamed and its subject and bodies changed (not its lists or time: the ledger is the
 *     audience and the time has passed). A change of what it sends sends it to pending_approval like a scheduled
 *     round's; a decision on a launched round brings it back to paused: approved, so that it may be resumed, or
 *     rejected with the reason, so that it needs another change and approval (or a stop). A paused round without
 *     a standing approval cannot be resumed.
 * <li>While a round of a campaign is underway (sending, paused, or launched and waiting for approval), the
 *     campaign's sender cannot change and the campaign cannot be archived.
 * </ul>
 */
@Singleton
public final class RoundWorkflow {
    private static final Set<RoundStatus> EDITABLE = EnumSet.of(DRAFT, PENDING_APPROVAL,
            SCHEDULED);
    static final Set<RoundStatus> AWAITING_OR_APPROVED = EnumSet.of(PENDING_APPROVAL,
            SCHEDULED, PAUSED);
    /** Rounds whose approval stands: a change of what they send sends them back for approval. */
    private static final Set<RoundStatus> APPROVED = EnumSet.of(SCHEDULED, PAUSED);

    /**
     * What a create or an edit gives; on an edit, an absent (null) field keeps its value. {@code templateId}: a
     * template's id, or JSON {@code null} to send the bodies without one. The audience: conditions ({@link Conditions};
     * JSON {@code null} removes them) or a saved segment to copy them from, and excluded lists.
     */
    public record RoundFields(String name, String subject, String htmlBody, String textBody, List<UUID> listIds,
                              OffsetDateTime scheduledAt, JsonNode templateId, JsonNode conditions,
                              List<UUID> excludedListIds, UUID segmentId) {
        @JsonCreator
        public RoundFields {
            if (templateId != null && !templateId.isNull() && uuid(templateId).isEmpty()) {
                throw new InvalidFieldException("templateId", "must be a template's id (a UUID) or null for none");
            }
            if (conditions != null && !conditions.isNull()) {
                Conditions.parse("conditions", conditions);
            }
            if (conditions != null && segmentId != null) {
                throw new InvalidFieldException("segmentId", "give a segment or conditions, not both");
            }
            if (excludedListIds != null && excludedListIds.stream().anyMatch(Objects::isNull)) {
                throw new InvalidFieldException("excludedListIds", "must not contain null");
            }
            excludedListIds = excludedListIds == null ? null : List.copyOf(new LinkedHashSet<>(excludedListIds));
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

        /** The template these fields name; empty when they name none (absent or null). */
        public Optional<UUID> template() {
            return templateId == null ? Optional.empty() : uuid(templateId);
        }

        /** An edit that takes the round's template away ({@code "templateId": null}). */
        public boolean removesTemplate() {
            return templateId != null && templateId.isNull();
        }

        private static Optional<UUID> uuid(JsonNode value) {
            try {
                return value.isTextual() ? Optional.of(UUID.fromString(value.asText())) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private final Database database;
    private final CampaignRepository campaigns;
    private final RoundRepository rounds;
    private final AuditTrail audit;
    private final Preflight preflight;
    private final Notifications notifications;
    private final DeliveryLedger ledger;
    private final TemplateRepository templates;
    private final ApprovalRecall recall;

    @Inject
    public RoundWorkflow(Database database, CampaignRepository campaigns, RoundRepository rounds, AuditTrail audit,
                         Preflight preflight, Notifications notifications, DeliveryLedger ledger,
                         TemplateRepository templates, ApprovalRecall recall) {
        this.templates = templates;
        this.ledger = ledger;
        this.recall = recall;
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
            requireTemplate(tx, fields.template().orElse(null));
            UUID id = rounds.create(tx, campaignId, new RoundRepository.Content(fields.name(), text(fields.subject()),
                    text(fields.htmlBody()), text(fields.textBody()),
                    fields.scheduledAt() == null ? null : fields.scheduledAt().toInstant(),
                    fields.template().orElse(null)),
                    listIds, acting.actor());
            setAudience(tx, id, fields);
            Round created = rounds.find(tx, id).orElseThrow();
            audit.record(tx, acting.actor(), "round.created", "round", id.toString(),
                    AuditTrail.change(acting.requestId(), null, created));
            return created;
        });
    }

    /** {@code POST /rounds/{roundId}/copy}: into another campaign ({@code campaignId}) and under another name. */
    public record CopyFields(UUID campaignId, String name) {
        public CopyFields {
            if (name != null && (name.isBlank() || name.strip().length() > 200)) {
                throw new InvalidFieldException("name", "must be 1 to 200 characters");
            }
            name = name == null ? null : name.strip();
        }
    }

    /**
     * A new draft from a round, in its campaign or in {@code fields.campaignId()}: the message and its lists, no time
     * (it is chosen anew), named "Copy of …" unless named. Whatever state the source is in, it stays as it is.
     */
    public Round copy(Acting acting, UUID roundId, CopyFields fields) {
        acting.caller().require(Role.EDITOR);
        return database.inTransaction(tx -> {
            Round source = rounds.find(tx, roundId)
                    .orElseThrow(() -> ApiProblem.notFound("round " + roundId + " does not exist"));
            UUID campaignId = fields.campaignId() != null ? fields.campaignId() : source.campaignId();
            // Locked like an archive locks it: a copy does not land in a campaign being archived.
            Campaign campaign = campaigns.lock(tx, campaignId).orElseThrow(() -> ApiProblem.invalid("campaignId",
                    "no campaign " + campaignId));
            if (campaign.status() == CampaignStatus.ARCHIVED) {
                throw ApiProblem.conflict("an archived campaign takes no new rounds");
            }
            String name = fields.name() != null ? fields.name() : copyName(source.name());
            UUID copyId = rounds.copy(tx, roundId, null, campaignId, name, acting.actor()).get(0).copyId();
            Round created = rounds.find(tx, copyId).orElseThrow();
            Map<String, Object> detail = AuditTrail.change(acting.requestId(), null, created);
            detail.put("copiedFrom", roundId);
            audit.record(tx, acting.actor(), "round.created", "round", copyId.toString(), detail);
            return created;
        });
    }

    /**
     * The rounds of {@code sourceCampaignId} copied as drafts into {@code campaignId} (a copy of the campaign, in
     * {@code tx}), each audited; answers the copies' ids in the source's order.
     */
    public List<UUID> copyRounds(Transaction tx, Acting acting, UUID sourceCampaignId, UUID campaignId) {
        List<RoundRepository.Copy> copies = rounds.copy(tx, null, sourceCampaignId, campaignId, null, acting.actor());
        List<AuditTrail.Entry> entries = new ArrayList<>();
        for (RoundRepository.Copy copy : copies) {
            Map<String, Object> detail = new java.util.HashMap<>();
            detail.put("copiedFrom", copy.sourceId());
            detail.put("campaignId", campaignId);
            detail.put("requestId", acting.requestId());
            entries.add(new AuditTrail.Entry("round.created", "round", copy.copyId().toString(), detail));
        }
        audit.recordAll(tx, acting.actor(), entries);
        return copies.stream().map(RoundRepository.Copy::copyId).toList();
    }

    /** "Copy of {name}", cut to the 200 characters a name may have. */
    static String copyName(String name) {
        String copy = "Copy of " + name;
        if (copy.length() <= 200) {
            return copy;
        }
        return copy.substring(0, Character.isHighSurrogate(copy.charAt(199)) ? 199 : 200);
    }

    /**
     * Edits or reschedules a round not yet sending, or edits a paused one. Whoever changes what a waiting or
     * approved round sends, to whom or when may not approve it; an approved (scheduled or paused) one goes back for
     * approval, the approvers asked again.
     */
    public Round update(Acting acting, UUID roundId, RoundFields fields) {
        acting.caller().require(Role.EDITOR);
        return database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (!EDITABLE.contains(locked.status()) && locked.status() != PAUSED) {
                throw ApiProblem.conflict("a " + locked.status().stored() + " round cannot be changed");
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            if (locked.launched()) {
                requireSameAudienceAndTime(before, fields);
            }
            if (fields.listIds() != null) {
                requireLists(tx, fields.listIds());
                rounds.setLists(tx, roundId, fields.listIds());
            }
            UUID templateId = fields.removesTemplate() ? null
                    : fields.template().orElse(before.message().templateId());
            if (!Objects.equals(templateId, before.message().templateId())) {
                requireTemplate(tx, templateId);
            }
            if (!locked.launched()) {
                // A launched round's audience is its ledger (checked above): not even a segment's newer copy.
                setAudience(tx, roundId, fields);
            }
            rounds.updateContent(tx, roundId, new RoundRepository.Content(
                    fields.name() != null ? fields.name() : before.name(),
                    fields.subject() != null ? fields.subject() : before.message().subject(),
                    fields.htmlBody() != null ? fields.htmlBody() : before.message().htmlBody(),
                    fields.textBody() != null ? fields.textBody() : before.message().textBody(),
                    fields.scheduledAt() != null ? fields.scheduledAt().toInstant()
                            : before.message().scheduledAt() == null ? null : before.message().scheduledAt().toInstant(),
                    templateId));
            Round after = rounds.find(tx, roundId).orElseThrow();
            boolean approvableChanged = !sameApprovableContent(before, after);
            if (approvableChanged && AWAITING_OR_APPROVED.contains(locked.status())) {
                rounds.excludeFromApproval(tx, roundId, approvalKeys(acting.caller()));
            }
            boolean backToApproval = approvableChanged && APPROVED.contains(locked.status());
            if (backToApproval) {
                rounds.transition(tx, roundId, locked.status(), PENDING_APPROVAL, acting.actor(), null);
                after = rounds.find(tx, roundId).orElseThrow();
            }
            audit.record(tx, acting.actor(), "round.updated", "round", roundId.toString(),
                    AuditTrail.change(acting.requestId(), before, after));
            if (backToApproval) {
                // The approval no longer stands: the approvers are asked again, as for a new submission.
                notifications.publish(tx, locked.status() == PAUSED ? RoundNotices.changedWhilePaused(after, acting.actor())
                        : RoundNotices.approvalRequestedAgain(after, acting.actor()));
            }
            return after;
        });
    }

    /** The round's conditions (own or a segment's copy) and excluded lists, when the fields give them. */
    private void setAudience(Transaction tx, UUID roundId, RoundFields fields) {
        if (fields.segmentId() != null && !rounds.copySegment(tx, roundId, fields.segmentId())) {
            throw ApiProblem.invalid("segmentId", "no segment " + fields.segmentId());
        }
        if (fields.conditions() != null) {
            rounds.setConditions(tx, roundId, fields.conditions().isNull() ? null : fields.conditions().toString());
        }
        if (fields.excludedListIds() != null) {
            requireLists(tx, fields.excludedListIds(), "excludedListIds");
            rounds.setExcludedLists(tx, roundId, fields.excludedListIds());
        }
    }

    /** A launched round goes to its ledger, and its time has passed: neither its lists nor its time can change. */
    private static void requireSameAudienceAndTime(Round before, RoundFields fields) {
        Round.Audience audience = before.audience();
        boolean conditionsChange = fields.conditions() != null && !(fields.conditions().isNull()
                ? audience.conditions() == null : fields.conditions().equals(audience.conditions()));
        if (conditionsChange || (fields.segmentId() != null && !fields.segmentId().equals(audience.segmentId()))
                || (fields.excludedListIds() != null
                        && !new HashSet<>(fields.excludedListIds()).equals(new HashSet<>(audience.excludedListIds())))) {
            throw ApiProblem.conflict("the round has started sending: its recipients are its ledger, so its "
                    + "conditions and excluded lists cannot change");
        }
        if (fields.listIds() != null && !new HashSet<>(fields.listIds()).equals(new HashSet<>(before.message().listIds()))) {
            throw ApiProblem.conflict("the round has started sending: its recipients are its ledger, so its lists "
                    + "cannot change (stop it and send a copy to other lists)");
        }
        OffsetDateTime was = before.message().scheduledAt();
        if (fields.scheduledAt() != null && (was == null || !was.toInstant().equals(fields.scheduledAt().toInstant()))) {
            throw ApiProblem.conflict("the round has started sending: its time cannot change (resume it to go on)");
        }
    }

    public Round submit(Acting acting, UUID roundId) {
        acting.caller().require(Role.EDITOR);
        return step(acting, roundId, EnumSet.of(DRAFT), "round.submitted", Optional.empty(),
                (tx, locked, before) -> {
                    requireReady(tx, roundId);
                    rounds.excludeFromApproval(tx, roundId, approvalKeys(acting.caller()));
                    rounds.transition(tx, roundId, DRAFT, PENDING_APPROVAL, acting.actor(), null);
                });
    }

    /**
     * {@code seenVersion}: the version the approver looked at (If-Match); a round changed since is a 412. A
     * launched round (changed while paused) goes back to paused, approved, to be resumed.
     */
    public Round approve(Acting acting, UUID roundId, Optional<Integer> seenVersion) {
        acting.caller().require(Role.APPROVER);
        return step(acting, roundId, EnumSet.of(PENDING_APPROVAL), "round.approved", seenVersion,
                (tx, locked, before) -> {
                    if (!java.util.Collections.disjoint(locked.approvalExcluded(), approvalKeys(acting.caller()))) {
                        throw ApiProblem.forbidden("you submitted this round or changed it while it waited for "
                                + "approval: someone else must approve it");
                    }
                    requireReady(tx, roundId);
                    if (locked.launched()) {
                        rounds.decideLaunched(tx, roundId, true, acting.actor(), null);
                    } else {
                        rounds.transition(tx, roundId, PENDING_APPROVAL, SCHEDULED, acting.actor(), null);
                    }
                });
    }

    /** Back to draft with the reason; a launched round back to paused, without an approval. */
    public Round reject(Acting acting, UUID roundId, String reason, Optional<Integer> seenVersion) {
        acting.caller().require(Role.APPROVER);
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason", "is required: say what has to change");
        }
        return step(acting, roundId, EnumSet.of(PENDING_APPROVAL), "round.rejected", seenVersion,
                (tx, locked, before) -> {
                    if (locked.launched()) {
                        rounds.decideLaunched(tx, roundId, false, acting.actor(), reason.strip());
                    } else {
                        rounds.transition(tx, roundId, PENDING_APPROVAL, DRAFT, acting.actor(), reason.strip());
                    }
                });
    }

    /**
     * A sending round is paused (editor, approver or admin): its worker calls the provider no more after the batch
     * it may have handed over already, and no worker claims it. The answer counts what went out and what is left.
     */
    public Round pause(Acting acting, UUID roundId) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        return step(acting, roundId, EnumSet.of(SENDING), "round.paused", Optional.empty(), (tx, locked, before) -> {
            rounds.transition(tx, roundId, SENDING, PAUSED, acting.actor(), null);
            ledger.settleCounts(tx, roundId);
        });
    }

    /**
     * A paused round sends again (approver or admin), from its ledger: the next launch run takes it up (at once if
     * its worker has left it, else when that worker's lease ends) and sends only what is still pending. Refused
     * while its approval does not stand (it was changed while paused and the change was rejected).
     */
    public Round resume(Acting acting, UUID roundId) {
        acting.caller().require(Role.APPROVER);
        return step(acting, roundId, EnumSet.of(PAUSED), "round.resumed", Optional.empty(), (tx, locked, before) -> {
            if (before.approval().approvedAt() == null) {
                throw ApiProblem.conflict("the round was changed while paused and that change is not approved: change "
                        + "it and have it approved, or stop it" + (before.approval().rejectionReason() == null ? ""
                        : " (rejected: " + before.approval().rejectionReason() + ")"));
            }
            rounds.transition(tx, roundId, PAUSED, SENDING, acting.actor(), null);
        });
    }

    /**
     * Ends a round that is sending or paused (approver or admin), for {@code reason}: final, its pending messages
     * skipped with the reason (but for a batch already handed to the provider, whose result is recorded as usual).
     */
    public Round stop(Acting acting, UUID roundId, String reason) {
        acting.caller().require(Role.APPROVER);
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("reason", "is required: say why the round is stopped");
        }
        if (reason.strip().length() > 1000) {
            throw ApiProblem.invalid("reason", "is longer than 1000 characters");
        }
        return step(acting, roundId, EnumSet.of(SENDING, PAUSED, PENDING_APPROVAL), "round.stopped", Optional.empty(),
                (tx, locked, before) -> {
                    if (!locked.launched()) {
                        throw ApiProblem.conflict("the round has not started sending: cancel it instead");
                    }
                    rounds.stop(tx, roundId, locked.status(), acting.actor(), reason.strip());
                    ledger.skipPending(tx, roundId, reason.strip(), RoundLauncher.LEASE);
                    ledger.settleCounts(tx, roundId);
                });
    }

    public Round cancel(Acting acting, UUID roundId) {
        acting.caller().require(Role.EDITOR);
        return database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (locked.launched() && EDITABLE.contains(locked.status())) {
                throw ApiProblem.conflict("a round that has started sending is not cancelled: stop it (approver)");
            }
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
        if (all.stream().anyMatch(RoundRepository.LockedStatus::underway)) {
            // A paused round resumes with the sender read at its claim: what it sends must not change under it.
            throw ApiProblem.conflict("a round of this campaign is sending or paused; change its sender when the "
                    + "send is done or stopped");
        }
        sendBackForApproval(tx, acting, all, "the campaign's sender changed");
    }

    /**
     * A template's layout changed, in {@code tx}, which holds the template's lock: what the waiting and approved
     * rounds that name it send changed, as for a new sender. Sending and paused rounds are left alone: they send the
     * version their approval covered (a paused one changed and waiting for approval is a waiting one).
     */
    public void templateChanged(Transaction tx, Acting acting, UUID templateId) {
        List<RoundRepository.LockedStatus> waiting = rounds.lockUsingTemplate(tx, templateId).stream()
                .filter(round -> round.status() != SENDING && round.status() != PAUSED).toList();
        sendBackForApproval(tx, acting, waiting, "the template " + templateId + " changed");
    }

    /**
     * Something these locked rounds send changed elsewhere ({@code reason}): each waiting or approved one is a new
     * version the changer may not approve, and an approved one goes back for approval, audited, approvers told.
     */
    private void sendBackForApproval(Transaction tx, Acting acting, List<RoundRepository.LockedStatus> locked,
                                     String reason) {
        for (RoundRepository.LockedStatus round : locked) {
            if (!AWAITING_OR_APPROVED.contains(round.status())) {
                continue;
            }
            recall.changed(tx, acting, round, reason, () -> { });
        }
    }

    /**
     * Archiving a campaign: its rounds are locked as the launcher claims them, so a launch and an archive happen
     * one after the other. Refused while one is sending; those not yet sent are cancelled. Answers their ids.
     */
    public List<UUID> cancelForArchive(Transaction tx, Acting acting, UUID campaignId) {
        List<RoundRepository.LockedStatus> all = rounds.lockCampaignRounds(tx, campaignId);
        if (all.stream().anyMatch(RoundRepository.LockedStatus::underway)) {
            throw ApiProblem.conflict("a round of this campaign is sending or paused; archive it when the send is "
                    + "done or stopped");
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
    private interface Step {
        /** Checks what it must and moves the locked round on. */
        void apply(Transaction tx, RoundRepository.Locked locked, Round before);
    }

    /**
     * One step of the workflow on a round that is in one of {@code from}: locked, checked against the version the
     * caller saw, moved, audited and told in one transaction.
     */
    private Round step(Acting acting, UUID roundId, Set<RoundStatus> from, String action,
                       Optional<Integer> seenVersion, Step step) {
        return database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (!from.contains(locked.status())) {
                throw ApiProblem.conflict("the round is " + locked.status().stored() + ", not "
                        + String.join(" or ", from.stream().map(RoundStatus::stored).toList()));
            }
            if (seenVersion.isPresent() && seenVersion.get() != locked.version()) {
                throw ApiProblem.preconditionFailed("the round changed since you saw it (version " + seenVersion.get()
                        + ", now " + locked.version() + "): look at it again before deciding",
                        Map.of("version", locked.version()));
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            step.apply(tx, locked, before);
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
    static Set<String> approvalKeys(Caller caller) {
        Set<String> keys = new LinkedHashSet<>(caller.identities());
        keys.add(caller.actor());
        return keys;
    }

    private static boolean sameApprovableContent(Round before, Round after) {
        return before.message().subject().equals(after.message().subject()) && before.message().htmlBody().equals(after.message().htmlBody())
                && before.message().textBody().equals(after.message().textBody()) && before.message().listIds().equals(after.message().listIds())
                && Objects.equals(before.message().templateId(), after.message().templateId())
                && Objects.equals(before.message().scheduledAt() == null ? null : before.message().scheduledAt().toInstant(),
                        after.message().scheduledAt() == null ? null : after.message().scheduledAt().toInstant())
                && before.audience().equals(after.audience());
    }

    /**
     * A template a round takes must exist and not be archived; it is held (for share) until the transaction ends,
     * so that an archive of it waits and then sees this round.
     */
    private void requireTemplate(Transaction tx, UUID templateId) {
        if (templateId == null) {
            return;
        }
        TemplateRepository.Shared template = templates.share(tx, templateId)
                .orElseThrow(() -> ApiProblem.invalid("templateId", "no template " + templateId));
        if (template.archived()) {
            throw ApiProblem.invalid("templateId", "the template " + templateId + " is archived");
        }
    }

    private void requireLists(Transaction tx, List<UUID> listIds) {
        requireLists(tx, listIds, "listIds");
    }

    private void requireLists(Transaction tx, List<UUID> listIds, String field) {
        List<String> missing = listIds.isEmpty() ? List.of() : rounds.missingLists(tx, listIds);
        if (!missing.isEmpty()) {
            throw ApiProblem.invalid(field, "no list " + String.join(", ", missing));
        }
    }

    private RoundRepository.Locked lock(Transaction tx, UUID roundId) {
        return rounds.lock(tx, roundId).orElseThrow(() -> ApiProblem.notFound("round " + roundId + " does not exist"));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
