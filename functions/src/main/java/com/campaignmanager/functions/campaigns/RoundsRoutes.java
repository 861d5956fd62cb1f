package com.campaignmanager.functions.campaigns;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.CampaignRepository;
import com.campaignmanager.shared.campaigns.Preflight;
import com.campaignmanager.shared.campaigns.Round;
import com.campaignmanager.shared.campaigns.RoundMetrics;
import com.campaignmanager.shared.campaigns.RoundNotices;
import com.campaignmanager.shared.campaigns.RoundRepository;
import com.campaignmanager.shared.campaigns.TestSends;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Transaction;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.Notifications;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Rounds and their workflow: draft → pending_approval (submit) → scheduled (approve, by someone else than the
 * submitter) → sending → sent | failed; cancelled from draft, pending_approval or scheduled; a rejection goes back
 * to draft with its reason. Each transition is a compare-and-set on the status, audited in the same transaction.
 */
final class RoundsRoutes {
    private static final Set<String> EDITABLE = Set.of("draft", "pending_approval", "scheduled");

    record RoundFields(String name, String subject, String htmlBody, String textBody, List<UUID> listIds,
                       OffsetDateTime scheduledAt) {
        RoundFields {
            if (name != null && (name.isBlank() || name.strip().length() > 200)) {
                throw new InvalidFieldException("name", "must be 1 to 200 characters");
            }
            if (subject != null && subject.length() > 998) {
                throw new InvalidFieldException("subject", "is longer than 998 characters");
            }
            if (listIds != null && listIds.contains(null)) {
                throw new InvalidFieldException("listIds", "must not contain null");
            }
            listIds = listIds == null ? null : List.copyOf(new java.util.LinkedHashSet<>(listIds));
        }
    }

    record Rejection(String reason) {
        Rejection {
            if (reason == null || reason.isBlank()) {
                throw new InvalidFieldException("reason", "is required: say what has to change");
            }
        }
    }

    private final Database database;
    private final CampaignRepository campaigns;
    private final RoundRepository rounds;
    private final AuditTrail audit;
    private final Preflight preflight;
    private final TestSends testSends;
    private final RoundMetrics roundMetrics;

    private final Notifications notifications;

    @Inject
    RoundsRoutes(Database database, CampaignRepository campaigns, RoundRepository rounds, AuditTrail audit,
                 Preflight preflight, TestSends testSends, RoundMetrics roundMetrics, Notifications notifications) {
        this.notifications = notifications;
        this.database = database;
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.audit = audit;
        this.preflight = preflight;
        this.testSends = testSends;
        this.roundMetrics = roundMetrics;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST /campaigns/{campaignId}/rounds", this::create)
                .add("GET /campaigns/{campaignId}/rounds", this::page)
                .add("GET /rounds/{roundId}", this::get)
                .add("PATCH /rounds/{roundId}", this::update)
                .add("POST /rounds/{roundId}/submit", this::submit)
                .add("POST /rounds/{roundId}/approve", this::approve)
                .add("POST /rounds/{roundId}/reject", this::reject)
                .add("POST /rounds/{roundId}/cancel", this::cancel)
                .add("POST /rounds/{roundId}/send-now", this::sendNow)
                .add("GET /rounds/{roundId}/preflight", this::preflight)
                .add("POST /rounds/{roundId}/test-send", this::testSend)
                .add("GET /rounds/{roundId}/deliveries", this::deliveries)
                .add("GET /rounds/{roundId}/metrics", this::metrics)
                .add("GET /sends", this::sends)
                .add("GET /audit", this::auditTrail);
    }

    private ApiResponse create(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID campaignId = request.pathUuid("campaignId");
        RoundFields body = request.body(RoundFields.class);
        if (body.name() == null) {
            throw ApiProblem.invalid("name", "is required");
        }
        String actor = request.caller().actor();
        UUID roundId = database.inTransaction(tx -> {
            Campaign campaign = campaigns.lock(tx, campaignId)
                    .orElseThrow(() -> ApiProblem.notFound("campaign " + campaignId + " does not exist"));
            if (campaign.status().equals("archived")) {
                throw ApiProblem.conflict("an archived campaign takes no new rounds");
            }
            List<UUID> listIds = body.listIds() == null ? List.of() : body.listIds();
            requireLists(tx, listIds);
            UUID id = rounds.create(tx, campaignId, new RoundRepository.Content(body.name(), text(body.subject()),
                    text(body.htmlBody()), text(body.textBody()),
                    body.scheduledAt() == null ? null : body.scheduledAt().toInstant()), listIds, actor);
            audit.record(tx, actor, "round.created", "round", id.toString(),
                    CampaignsRoutes.change(request, null, rounds.find(tx, id).orElseThrow()));
            return id;
        });
        return ApiResponse.created(existing(roundId), "/rounds/" + roundId);
    }

    private ApiResponse page(ApiRequest request) {
        request.caller().requireReader();
        UUID campaignId = request.pathUuid("campaignId");
        campaigns.find(database, campaignId)
                .orElseThrow(() -> ApiProblem.notFound("campaign " + campaignId + " does not exist"));
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(rounds.page(database, campaignId, page.after(2), page.limit())));
    }

    private ApiResponse get(ApiRequest request) {
        request.caller().requireReader();
        return ApiResponse.ok(existing(request.pathUuid("roundId")));
    }

    /**
     * Edits or reschedules a round not yet sending. Changing what a scheduled round sends, to whom or when sends
     * it back for approval: an approval covers exactly what was approved.
     */
    private ApiResponse update(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID roundId = request.pathUuid("roundId");
        RoundFields body = request.body(RoundFields.class);
        String actor = request.caller().actor();
        database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (!EDITABLE.contains(locked.status())) {
                throw ApiProblem.conflict("a " + locked.status() + " round cannot be changed");
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            if (body.listIds() != null) {
                requireLists(tx, body.listIds());
                rounds.setLists(tx, roundId, body.listIds());
            }
            rounds.updateContent(tx, roundId, new RoundRepository.Content(
                    body.name() != null ? body.name() : before.name(),
                    body.subject() != null ? body.subject() : before.subject(),
                    body.htmlBody() != null ? body.htmlBody() : before.htmlBody(),
                    body.textBody() != null ? body.textBody() : before.textBody(),
                    body.scheduledAt() != null ? body.scheduledAt().toInstant()
                            : before.scheduledAt() == null ? null : before.scheduledAt().toInstant()));
            Round after = rounds.find(tx, roundId).orElseThrow();
            boolean approvedContentChanged = !sameApprovedContent(before, after);
            if (locked.status().equals("scheduled") && approvedContentChanged) {
                rounds.transition(tx, roundId, "scheduled", "pending_approval", actor, null);
                after = rounds.find(tx, roundId).orElseThrow();
            }
            audit.record(tx, actor, "round.updated", "round", roundId.toString(),
                    CampaignsRoutes.change(request, before, after));
            if (locked.status().equals("scheduled") && approvedContentChanged) {
                // The approval no longer stands: the approvers are asked again, as for a new submission.
                notifications.publish(tx, RoundNotices.approvalRequestedAgain(after, actor));
            }
            return null;
        });
        return ApiResponse.ok(existing(roundId));
    }

    private ApiResponse submit(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID roundId = request.pathUuid("roundId");
        String actor = request.caller().actor();
        return transition(request, roundId, "draft", "pending_approval", actor, null, "round.submitted",
                (tx, locked, round) -> requireReady(tx, roundId));
    }

    private ApiResponse approve(ApiRequest request) {
        request.caller().require(Role.APPROVER);
        UUID roundId = request.pathUuid("roundId");
        String actor = request.caller().actor();
        return transition(request, roundId, "pending_approval", "scheduled", actor, null, "round.approved",
                (tx, locked, round) -> {
                    if (actor.equals(locked.submittedBy())) {
                        throw ApiProblem.forbidden("the person who submitted a round may not approve it");
                    }
                    requireReady(tx, roundId);
                });
    }

    private ApiResponse reject(ApiRequest request) {
        request.caller().require(Role.APPROVER);
        UUID roundId = request.pathUuid("roundId");
        Rejection body = request.body(Rejection.class);
        return transition(request, roundId, "pending_approval", "draft", request.caller().actor(),
                body.reason().strip(), "round.rejected", (tx, locked, round) -> { });
    }

    private ApiResponse cancel(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID roundId = request.pathUuid("roundId");
        String actor = request.caller().actor();
        return ApiResponse.ok(database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (!EDITABLE.contains(locked.status())) {
                throw ApiProblem.conflict("a " + locked.status() + " round cannot be cancelled");
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            rounds.transition(tx, roundId, locked.status(), "cancelled", actor, null);
            Round after = rounds.find(tx, roundId).orElseThrow();
            audit.record(tx, actor, "round.cancelled", "round", roundId.toString(),
                    CampaignsRoutes.change(request, before, after));
            return after;
        }));
    }

    /**
     * Sends an approved round now instead of at its time (approver or admin; trigger {@code manual}, audited): it
     * becomes due at once and the launch job, which runs every minute, sends it.
     */
    private ApiResponse sendNow(ApiRequest request) {
        request.caller().require(Role.APPROVER);
        UUID roundId = request.pathUuid("roundId");
        String actor = request.caller().actor();
        return ApiResponse.ok(database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (!locked.status().equals("scheduled")) {
                throw ApiProblem.conflict("only an approved (scheduled) round can be sent now; it is " + locked.status());
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            rounds.sendNow(tx, roundId);
            Round after = rounds.find(tx, roundId).orElseThrow();
            audit.record(tx, actor, "round.send_now", "round", roundId.toString(),
                    CampaignsRoutes.change(request, before, after));
            return after;
        }));
    }

    /** {@code GET /audit?entityType=&entityId=&actor=&from=&to=&cursor=}: who did what, newest first. */
    private ApiResponse auditTrail(ApiRequest request) {
        request.caller().requireReader();
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(audit.page(database, request.query("entityType").orElse(null),
                request.query("entityId").orElse(null), request.query("actor").orElse(null),
                request.queryInstant("from").orElse(null), request.queryInstant("to").orElse(null), page.after(2),
                page.limit())));
    }

    /** The latest collected statistics and their history (hourly snapshots, newest first). */
    private ApiResponse metrics(ApiRequest request) {
        request.caller().requireReader();
        UUID roundId = request.pathUuid("roundId");
        existing(roundId);
        return ApiResponse.ok(roundMetrics.figures(database, roundId));
    }

    /** The round's ledger: who it went to, with each message's status. */
    private ApiResponse deliveries(ApiRequest request) {
        request.caller().requireReader();
        UUID roundId = request.pathUuid("roundId");
        existing(roundId);
        String status = request.query("status").orElse(null);
        if (status != null && !List.of("pending", "sent", "failed", "skipped").contains(status)) {
            throw ApiProblem.invalid("status", "must be pending, sent, failed or skipped");
        }
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(rounds.deliveries(database, roundId, status, page.after(1),
                page.limit())));
    }

    /** {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD&tz=Area/City}: both dates inclusive, in that zone (default UTC). */
    private ApiResponse sends(ApiRequest request) {
        request.caller().requireReader();
        java.time.ZoneId zone = request.queryZone("tz").orElse(java.time.ZoneOffset.UTC);
        java.time.LocalDate from = request.queryDate("from")
                .orElseThrow(() -> ApiProblem.invalid("from", "is required (YYYY-MM-DD)"));
        java.time.LocalDate to = request.queryDate("to")
                .orElseThrow(() -> ApiProblem.invalid("to", "is required (YYYY-MM-DD)"));
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "is before from");
        }
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(rounds.sends(database, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), page.after(2), page.limit())));
    }

    @FunctionalInterface
    private interface Check {
        void verify(Transaction tx, RoundRepository.Locked locked, Round round);
    }

    private ApiResponse transition(ApiRequest request, UUID roundId, String from, String to, String actor,
                                   String reason, String action, Check check) {
        return ApiResponse.ok(database.inTransaction(tx -> {
            RoundRepository.Locked locked = lock(tx, roundId);
            if (!locked.status().equals(from)) {
                throw ApiProblem.conflict("the round is " + locked.status() + ", not " + from);
            }
            Round before = rounds.find(tx, roundId).orElseThrow();
            check.verify(tx, locked, before);
            rounds.transition(tx, roundId, from, to, actor, reason);
            Round after = rounds.find(tx, roundId).orElseThrow();
            audit.record(tx, actor, action, "round", roundId.toString(), CampaignsRoutes.change(request, before, after));
            RoundNotices.afterTransition(action, before, after, actor).ifPresent(notice -> notifications.publish(tx, notice));
            return after;
        }));
    }

    /** Submit and approve insist on a passing preflight; a fail answers 422 with the whole checklist. */
    private void requireReady(Transaction tx, UUID roundId) {
        Preflight.Result result = preflight.run(tx, roundId, false);
        if (!result.ready()) {
            List<String> problems = result.items().stream().filter(i -> i.status().equals("fail"))
                    .map(i -> i.check() + ": " + i.detail()).toList();
            throw ApiProblem.unprocessable("the round is not ready: " + String.join("; ", problems),
                    Map.of("problems", problems, "checklist", result.items()));
        }
    }

    record TestSendRequest(List<String> emails) {
        TestSendRequest {
            if (emails == null || emails.isEmpty()) {
                throw new InvalidFieldException("emails", "give 1 to " + TestSends.MAX_ADDRESSES + " addresses");
            }
            if (emails.size() > TestSends.MAX_ADDRESSES) {
                throw new InvalidFieldException("emails", "at most " + TestSends.MAX_ADDRESSES + " addresses");
            }
        }
    }

    record TestSendResult(List<TestSends.Outcome> sent) {
    }

    /** A few addresses get the round now, marked as a test; recorded and audited, never counted. */
    private ApiResponse testSend(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID roundId = request.pathUuid("roundId");
        TestSendRequest body = request.body(TestSendRequest.class);
        List<com.campaignmanager.shared.audience.EmailAddress> addresses = new ArrayList<>();
        for (int i = 0; i < body.emails().size(); i++) {
            try {
                addresses.add(com.campaignmanager.shared.audience.EmailAddress.parse(body.emails().get(i)));
            } catch (com.campaignmanager.shared.audience.EmailAddress.InvalidEmailException e) {
                throw ApiProblem.invalid("emails[" + i + "]", e.getMessage());
            }
        }
        Round round = existing(roundId);
        Campaign campaign = campaigns.find(database, round.campaignId()).orElseThrow();
        // The links point back at the API this request came through (API Gateway sets host and proto).
        String publicApiUrl = request.header("x-forwarded-proto").orElse("https") + "://"
                + request.header("host").orElse("localhost");
        List<TestSends.Outcome> outcomes = testSends.send(round, campaign, addresses, publicApiUrl);
        database.inTransaction(tx -> {
            audit.record(tx, request.caller().actor(), "round.test_sent", "round", roundId.toString(),
                    Map.of("to", outcomes.stream().map(TestSends.Outcome::email).toList(),
                            "requestId", request.requestId()));
            return null;
        });
        return ApiResponse.ok(new TestSendResult(outcomes));
    }

    /** {@code {ready, items: [{check, status: pass|warn|fail, detail}]}}. */
    private ApiResponse preflight(ApiRequest request) {
        request.caller().requireReader();
        UUID roundId = request.pathUuid("roundId");
        existing(roundId);
        return ApiResponse.ok(preflight.run(database, roundId, false));
    }

    private static boolean sameApprovedContent(Round before, Round after) {
        return before.subject().equals(after.subject()) && before.htmlBody().equals(after.htmlBody())
                && before.textBody().equals(after.textBody()) && before.listIds().equals(after.listIds())
                && java.util.Objects.equals(before.scheduledAt() == null ? null : before.scheduledAt().toInstant(),
                        after.scheduledAt() == null ? null : after.scheduledAt().toInstant());
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

    private Round existing(UUID roundId) {
        return rounds.find(database, roundId).orElseThrow(() -> ApiProblem.notFound("round " + roundId + " does not exist"));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
