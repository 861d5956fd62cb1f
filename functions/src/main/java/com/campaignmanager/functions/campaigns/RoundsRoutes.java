package com.campaignmanager.functions.campaigns;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.CampaignRepository;
import com.campaignmanager.shared.campaigns.Preflight;
import com.campaignmanager.shared.campaigns.Round;
import com.campaignmanager.shared.campaigns.RoundMetrics;
import com.campaignmanager.shared.campaigns.RoundNotices;
import com.campaignmanager.shared.campaigns.RoundRepository;
import com.campaignmanager.shared.campaigns.RoundWorkflow;
import com.campaignmanager.shared.campaigns.TestSends;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Transaction;
import com.campaignmanager.shared.http.Acting;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Rounds: the HTTP side of {@link RoundWorkflow} (which holds the workflow and its four-eyes rules), plus the
 * ledger, metrics, sends and audit reads.
 */
final class RoundsRoutes {
    /** {@code POST /rounds/{roundId}/reject}: why, and optionally the version the approver saw. */
    record Rejection(String reason, Integer version) {
    }

    /** {@code POST /rounds/{roundId}/approve} takes an optional body naming the version the approver saw. */
    record Approval(Integer version) {
    }

    private final Database database;
    private final CampaignRepository campaigns;
    private final RoundRepository rounds;
    private final AuditTrail audit;
    private final Preflight preflight;
    private final TestSends testSends;
    private final RoundMetrics roundMetrics;
    private final RoundWorkflow workflow;

    @Inject
    RoundsRoutes(Database database, CampaignRepository campaigns, RoundRepository rounds, AuditTrail audit,
                 Preflight preflight, TestSends testSends, RoundMetrics roundMetrics, RoundWorkflow workflow) {
        this.database = database;
        this.campaigns = campaigns;
        this.rounds = rounds;
        this.audit = audit;
        this.preflight = preflight;
        this.testSends = testSends;
        this.roundMetrics = roundMetrics;
        this.workflow = workflow;
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
        Round created = workflow.create(acting(request), campaignId, request.body(RoundWorkflow.RoundFields.class));
        return versioned(ApiResponse.created(created, "/rounds/" + created.id()), created);
    }

    private ApiResponse page(ApiRequest request) {
        request.caller().requireReader();
        UUID campaignId = request.pathUuid("campaignId");
        campaigns.find(database, campaignId)
                .orElseThrow(() -> ApiProblem.notFound("campaign " + campaignId + " does not exist"));
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(rounds.page(database, campaignId, page.after(2), page.limit())));
    }

    /** The round, with its version as an {@code ETag}: approve and reject take it back as {@code If-Match}. */
    private ApiResponse get(ApiRequest request) {
        request.caller().requireReader();
        Round round = existing(request.pathUuid("roundId"));
        return versioned(ApiResponse.ok(round), round);
    }

    private ApiResponse update(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID roundId = request.pathUuid("roundId");
        Round round = workflow.update(acting(request), roundId, request.body(RoundWorkflow.RoundFields.class));
        return versioned(ApiResponse.ok(round), round);
    }

    private ApiResponse submit(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        return versioned(workflow.submit(acting(request), request.pathUuid("roundId")));
    }

    private ApiResponse approve(ApiRequest request) {
        request.caller().require(Role.APPROVER);
        UUID roundId = request.pathUuid("roundId");
        Integer inBody = request.bodyText().isBlank() ? null : request.body(Approval.class).version();
        return versioned(workflow.approve(acting(request), roundId, seenVersion(request, inBody)));
    }

    private ApiResponse reject(ApiRequest request) {
        request.caller().require(Role.APPROVER);
        UUID roundId = request.pathUuid("roundId");
        Rejection body = request.body(Rejection.class);
        return versioned(workflow.reject(acting(request), roundId, body.reason(), seenVersion(request, body.version())));
    }

    private ApiResponse cancel(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        return versioned(workflow.cancel(acting(request), request.pathUuid("roundId")));
    }

    private ApiResponse sendNow(ApiRequest request) {
        request.caller().require(Role.APPROVER);
        return versioned(workflow.sendNow(acting(request), request.pathUuid("roundId")));
    }

    /**
     * The version a decision is about: {@code If-Match} ({@code "3"}, {@code W/"3"}; {@code *} is any) or the body's
     * {@code version}; neither means "whatever it is now" (scripts), and the decision records which that was.
     */
    static Optional<Integer> seenVersion(ApiRequest request, Integer inBody) {
        Optional<String> ifMatch = request.header("if-match").map(String::strip).filter(v -> !v.equals("*"));
        if (ifMatch.isPresent()) {
            String tag = ifMatch.get();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                Optional<Integer> fromHeader = Optional.of(Integer.parseInt(tag));
                if (inBody != null && !inBody.equals(fromHeader.get())) {
                    throw ApiProblem.invalid("version", "differs from If-Match");
                }
                return fromHeader;
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("If-Match", "must be the ETag of GET /rounds/{roundId}, e.g. \"3\"");
            }
        }
        return Optional.ofNullable(inBody);
    }

    private static ApiResponse versioned(Round round) {
        return versioned(ApiResponse.ok(round), round);
    }

    private static ApiResponse versioned(ApiResponse response, Round round) {
        Map<String, String> headers = new java.util.HashMap<>(response.headers());
        headers.put("etag", "\"" + round.version() + "\"");
        return new ApiResponse(response.status(), response.body(), headers);
    }

    private static Acting acting(ApiRequest request) {
        return CampaignsRoutes.acting(request);
    }

    /** {@code GET /audit?entityType=&entityId=&actor=&from=&to=&cursor=}: who did what, newest first. */
    private ApiResponse auditTrail(ApiRequest request) {
        request.caller().requireReader();
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(audit.page(database, request.query("entityType").orElse(null),
                request.query("entityId").orElse(null), request.query("actor").orElse(null),
                request.queryInstant("from").orElse(null), request.queryInstant("to").orElse(null), page.after(2),
                page.limit(), request.caller().maySeePersonalData())));
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
        request.caller().requirePersonalData();
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

    /**
     * A few addresses get the round now, marked as a test: never a suppressed or erased one, at most
     * {@value TestSends#MAX_PER_HOUR} test messages per round and hour; recorded and audited, never counted.
     */
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
        return ApiResponse.ok(testSends.send(acting(request), roundId, addresses, request.gatewayDomain()));
    }

    /** {@code {ready, items: [{check, status: pass|warn|fail, detail}]}}. */
    private ApiResponse preflight(ApiRequest request) {
        request.caller().requireReader();
        UUID roundId = request.pathUuid("roundId");
        existing(roundId);
        return ApiResponse.ok(preflight.run(database, roundId, false));
    }

    private Round existing(UUID roundId) {
        return rounds.find(database, roundId).orElseThrow(() -> ApiProblem.notFound("round " + roundId + " does not exist"));
    }
}
