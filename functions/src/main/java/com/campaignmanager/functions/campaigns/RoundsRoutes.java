package com.campaignmanager.functions.campaigns;

import static com.campaignmanager.functions.campaigns.CampaignsRoutes.acting;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audit.AuditQueries;
import com.campaignmanager.shared.campaigns.Round;
import com.campaignmanager.shared.campaigns.RoundWorkflow;
import com.campaignmanager.shared.campaigns.Rounds;
import com.campaignmanager.shared.campaigns.Sends;
import com.campaignmanager.shared.campaigns.TestSends;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Rounds over HTTP: the workflow ({@link RoundWorkflow}, with its four-eyes rules), test sends, and the reads
 * ({@link Rounds}, {@link Sends}, {@link AuditQueries}). Each route reads the request, calls one service and maps
 * the answer; the services check roles.
 */
final class RoundsRoutes {
    /** {@code POST /rounds/{roundId}/reject}: why, and optionally the version the approver saw. */
    record Rejection(String reason, Integer version) {
    }

    /** {@code POST /rounds/{roundId}/approve} takes an optional body naming the version the approver saw. */
    record Approval(Integer version) {
    }

    /** {@code POST /rounds/{roundId}/stop}: why. */
    record Stop(String reason) {
    }

    /** {@code POST /rounds/{roundId}/test-send}: up to {@value TestSends#MAX_ADDRESSES} addresses. */
    record TestSendRequest(List<String> emails) {
    }

    private final RoundWorkflow workflow;
    private final Rounds rounds;
    private final TestSends testSends;
    private final Sends sends;
    private final AuditQueries audit;

    @Inject
    RoundsRoutes(RoundWorkflow workflow, Rounds rounds, TestSends testSends, Sends sends, AuditQueries audit) {
        this.workflow = workflow;
        this.rounds = rounds;
        this.testSends = testSends;
        this.sends = sends;
        this.audit = audit;
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
                .add("POST /rounds/{roundId}/pause", this::pause)
                .add("POST /rounds/{roundId}/resume", this::resume)
                .add("POST /rounds/{roundId}/stop", this::stop)
                .add("POST /rounds/{roundId}/copy", this::copy)
                .add("GET /rounds/{roundId}/preflight", this::preflight)
                .add("POST /rounds/{roundId}/test-send", this::testSend)
                .add("GET /rounds/{roundId}/deliveries", this::deliveries)
                .add("GET /rounds/{roundId}/metrics", this::metrics)
                .add("GET /sends", this::sends)
                .add("GET /audit", this::auditTrail);
    }

    private ApiResponse create(ApiRequest request) {
        Round created = workflow.create(acting(request), request.pathUuid("campaignId"),
                request.body(RoundWorkflow.RoundFields.class));
        return versioned(ApiResponse.created(created, "/rounds/" + created.id()), created);
    }

    private ApiResponse page(ApiRequest request) {
        return ApiResponse.ok(PageResponse.of(rounds.ofCampaign(acting(request), request.pathUuid("campaignId"),
                request.page())));
    }

    /** The round, with its version as an {@code ETag}: approve and reject take it back as {@code If-Match}. */
    private ApiResponse get(ApiRequest request) {
        return versioned(rounds.get(acting(request), request.pathUuid("roundId")));
    }

    private ApiResponse update(ApiRequest request) {
        return versioned(workflow.update(acting(request), request.pathUuid("roundId"),
                request.body(RoundWorkflow.RoundFields.class)));
    }

    private ApiResponse submit(ApiRequest request) {
        return versioned(workflow.submit(acting(request), request.pathUuid("roundId")));
    }

    private ApiResponse approve(ApiRequest request) {
        UUID roundId = request.pathUuid("roundId");
        Integer inBody = request.bodyText().isBlank() ? null : request.body(Approval.class).version();
        return versioned(workflow.approve(acting(request), roundId, request.seenVersion(inBody)));
    }

    private ApiResponse reject(ApiRequest request) {
        UUID roundId = request.pathUuid("roundId");
        Rejection body = request.body(Rejection.class);
        return versioned(workflow.reject(acting(request), roundId, body.reason(), request.seenVersion(body.version())));
    }

    private ApiResponse cancel(ApiRequest request) {
        return versioned(workflow.cancel(acting(request), request.pathUuid("roundId")));
    }

    private ApiResponse sendNow(ApiRequest request) {
        return versioned(workflow.sendNow(acting(request), request.pathUuid("roundId")));
    }

    /** The round with its counts: what went out and what is left ({@code counts.pending}). */
    private ApiResponse pause(ApiRequest request) {
        return versioned(workflow.pause(acting(request), request.pathUuid("roundId")));
    }

    private ApiResponse resume(ApiRequest request) {
        return versioned(workflow.resume(acting(request), request.pathUuid("roundId")));
    }

    private ApiResponse stop(ApiRequest request) {
        UUID roundId = request.pathUuid("roundId");
        return versioned(workflow.stop(acting(request), roundId, request.body(Stop.class).reason()));
    }

    /** {@code {campaignId?, name?}} (no body: a copy in the same campaign) → 201 with the new draft. */
    private ApiResponse copy(ApiRequest request) {
        UUID roundId = request.pathUuid("roundId");
        RoundWorkflow.CopyFields fields = request.bodyText().isBlank() ? new RoundWorkflow.CopyFields(null, null)
                : request.body(RoundWorkflow.CopyFields.class);
        Round created = workflow.copy(acting(request), roundId, fields);
        return versioned(ApiResponse.created(created, "/rounds/" + created.id()), created);
    }

    private ApiResponse preflight(ApiRequest request) {
        return ApiResponse.ok(rounds.preflight(acting(request), request.pathUuid("roundId")));
    }

    /**
     * A few addresses get the round now, marked as a test: never a suppressed or erased one, at most
     * {@value TestSends#MAX_PER_HOUR} test messages per round and hour; recorded and audited, never counted.
     */
    private ApiResponse testSend(ApiRequest request) {
        UUID roundId = request.pathUuid("roundId");
        TestSendRequest body = request.body(TestSendRequest.class);
        List<String> emails = body.emails() == null ? List.of() : body.emails();
        List<EmailAddress> addresses = new ArrayList<>();
        for (int i = 0; i < emails.size() && i <= TestSends.MAX_ADDRESSES; i++) {
            try {
                addresses.add(EmailAddress.parse(emails.get(i)));
            } catch (EmailAddress.InvalidEmailException e) {
                throw ApiProblem.invalid("emails[" + i + "]", e.getMessage());
            }
        }
        return ApiResponse.ok(testSends.send(acting(request), roundId, addresses, request.gatewayDomain()));
    }

    private ApiResponse deliveries(ApiRequest request) {
        return ApiResponse.ok(PageResponse.of(rounds.deliveries(acting(request), request.pathUuid("roundId"),
                request.query("status").orElse(null), request.page())));
    }

    private ApiResponse metrics(ApiRequest request) {
        return ApiResponse.ok(rounds.metrics(acting(request), request.pathUuid("roundId")));
    }

    /** {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD&tz=Area/City}: both dates inclusive, in that zone (default UTC). */
    private ApiResponse sends(ApiRequest request) {
        return ApiResponse.ok(PageResponse.of(this.sends.between(acting(request), request.queryDate("from").orElse(null),
                request.queryDate("to").orElse(null), request.queryZone("tz").orElse(ZoneOffset.UTC), request.page())));
    }

    /** {@code GET /audit?entityType=&entityId=&actor=&from=&to=&cursor=}: who did what, newest first. */
    private ApiResponse auditTrail(ApiRequest request) {
        return ApiResponse.ok(PageResponse.of(audit.page(acting(request), new AuditQueries.Filter(
                request.query("entityType").orElse(null), request.query("entityId").orElse(null),
                request.query("actor").orElse(null), request.queryInstant("from").orElse(null),
                request.queryInstant("to").orElse(null)), request.page())));
    }

    private static ApiResponse versioned(Round round) {
        return versioned(ApiResponse.ok(round), round);
    }

    private static ApiResponse versioned(ApiResponse response, Round round) {
        return response.withVersion(round.version());
    }
}
