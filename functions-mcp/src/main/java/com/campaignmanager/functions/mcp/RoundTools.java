package com.campaignmanager.functions.mcp;

import static com.campaignmanager.functions.mcp.Schema.anyObject;
import static com.campaignmanager.functions.mcp.Schema.array;
import static com.campaignmanager.functions.mcp.Schema.bool;
import static com.campaignmanager.functions.mcp.Schema.dateTime;
import static com.campaignmanager.functions.mcp.Schema.integer;
import static com.campaignmanager.functions.mcp.Schema.nullable;
import static com.campaignmanager.functions.mcp.Schema.oneOf;
import static com.campaignmanager.functions.mcp.Schema.string;
import static com.campaignmanager.functions.mcp.Schema.text;
import static com.campaignmanager.functions.mcp.Schema.uuid;

import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.Campaigns;
import com.campaignmanager.shared.campaigns.Preflight;
import com.campaignmanager.shared.campaigns.Round;
import com.campaignmanager.shared.campaigns.RoundMetrics;
import com.campaignmanager.shared.campaigns.RoundWorkflow;
import com.campaignmanager.shared.campaigns.Rounds;
import com.campaignmanager.shared.http.Acting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Rounds: read one, check it (preflight), its figures, and its workflow — create, edit, submit, approve, reject,
 * cancel, pause, resume, stop, copy — through {@link RoundWorkflow}, with its four-eyes rules exactly as over HTTP.
 * No tool sends a round now:
 * an approved round goes out at its time, through the launch job.
 */
final class RoundTools {
    /** What a round shows of its bodies: enough to judge them, small enough for an assistant's context. */
    static final int BODY_PREVIEW = 4_000;

    /** A round as an assistant reads it: its times in the campaign's zone, its bodies shortened. */
    record RoundView(UUID id, UUID campaignId, String campaignName, String timezone, String name, String subject,
                     String status, OffsetDateTime scheduledAt, List<UUID> listIds, Round.Counts counts,
                     int version, Approval approval, String trigger, OffsetDateTime launchedAt,
                     OffsetDateTime completedAt, String failureReason, String createdBy, Instant createdAt,
                     Instant updatedAt, String textBody, String htmlBody, boolean bodiesShortened,
                     LastPreflight lastPreflight, UUID templateId, Round.Audience audience) {
    }

    /** Who asked for the approval and who gave or refused it; {@code approvedVersion}: the version approved. */
    record Approval(String submittedBy, OffsetDateTime submittedAt, String approvedBy, OffsetDateTime approvedAt,
                    Integer approvedVersion, String rejectionReason, Integer approvedTemplateVersion) {
    }

    record LastPreflight(OffsetDateTime checkedAt, JsonNode result) {
    }

    static final Map<String, Object> ROUND = Schema.output()
            .required("id", uuid("The round's id."))
            .required("campaignId", uuid("Its campaign."))
            .required("campaignName", string("Its campaign's name."))
            .required("timezone", string("The campaign's time zone: every time of the round is given in it."))
            .required("name", string("The round's name."))
            .required("subject", string("The subject line."))
            .required("status", oneOf("draft, pending_approval (submitted), scheduled (approved, goes out at "
                    + "scheduledAt), sending, paused (sending paused, resume_round sends the rest), sent, failed, "
                    + "cancelled or stopped (ended while sending or paused).", "draft", "pending_approval",
                    "scheduled", "sending", "paused", "sent", "failed", "cancelled", "stopped"))
            .required("scheduledAt", nullable(dateTime("When it goes out, in the campaign's zone")))
            .required("listIds", array("The lists it goes to.", uuid("A list.")))
            .required("counts", Schema.output().required("recipients", integer("Recipients at launch."))
                    .required("sent", integer("Sent.")).required("failed", integer("Failed."))
                    .required("skipped", integer("Skipped (suppressed since, or left when it was stopped)."))
                    .required("pending", integer("Not gone out yet (what a paused round still has to send)."))
                    .build())
            .required("version", integer("The current version: approve_round and reject_round take it."))
            .required("approval", Schema.output()
                    .required("submittedBy", nullable(string("Who submitted it for approval.")))
                    .required("submittedAt", nullable(dateTime("When")))
                    .required("approvedBy", nullable(string("Who approved it.")))
                    .required("approvedAt", nullable(dateTime("When")))
                    .required("approvedVersion", nullable(integer("The version the approval covered.")))
                    .required("rejectionReason", nullable(string("Why it was last rejected.")))
                    .required("approvedTemplateVersion", nullable(integer("The version of its template the approval"
                            + " covered: what is sent."))).build())
            .required("trigger", nullable(oneOf("How it was launched: at its time (schedule) or sent now by hand"
                    + " (manual).", "schedule", "manual")))
            .required("launchedAt", nullable(dateTime("When it started going out")))
            .required("completedAt", nullable(dateTime("When it finished")))
            .required("failureReason", nullable(string("Why it failed.")))
            .required("createdBy", string("Who created it."))
            .required("textBody", string("The text body (shortened, see bodiesShortened)."))
            .required("htmlBody", string("The HTML body (shortened, see bodiesShortened)."))
            .required("bodiesShortened", bool("Whether a body was cut to " + BODY_PREVIEW + " characters."))
            .required("lastPreflight", nullable(Schema.output()
                    .required("checkedAt", dateTime("When the checklist last ran"))
                    .required("result", PreflightSchemas.RESULT).build()))
            .required("templateId", nullable(uuid("The template its bodies fill (list_templates), if any.")))
            .required("audience", Schema.output()
                    .required("conditions", nullable(anyObject("Its conditions (null: everyone on its lists).")))
                    .required("excludedListIds", array("Lists whose contacts it skips.", uuid("A list.")))
                    .required("segmentId", nullable(uuid("The saved segment its conditions are copied from.")))
                    .build())
            .build();

    private final Rounds rounds;
    private final Campaigns campaigns;
    private final RoundWorkflow workflow;

    @Inject
    RoundTools(Rounds rounds, Campaigns campaigns, RoundWorkflow workflow) {
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.workflow = workflow;
    }

    List<Tool> tools() {
        Map<String, Object> roundId = uuid("The round's id (from get_campaign, find_sends, upcoming_rounds, "
                + "list_approvals or search).");
        return List.of(
                new Tool("get_round", "Get a round", "One round of a campaign: its status in the workflow, when it"
                        + " goes out (in the campaign's time zone), who submitted and approved it, its counts, its"
                        + " current version (which approve_round and reject_round need) and its last preflight"
                        + " checklist. Any member may read it.",
                        Schema.input().required("roundId", roundId).build(), ROUND, Tool.reads(),
                        (acting, args) -> view(acting, rounds.get(acting, args.uuid("roundId")))),
                new Tool("preflight_round", "Check a round (preflight)", "Runs the checklist a round must pass"
                        + " before it can be submitted, approved and launched: sender domain, subject, body, merge"
                        + " fields, lists with sendable recipients, time, provider; a fail blocks, a warn does not."
                        + " The result is kept on the round.",
                        Schema.input().required("roundId", roundId).build(), PreflightSchemas.RESULT, Tool.reads(),
                        (acting, args) -> rounds.preflight(acting, args.uuid("roundId"))),
                new Tool("round_metrics", "A round's figures", "What a sent round achieved: recipients, sent,"
                        + " failed, opens, clicks, bounces, complaints, unsubscribes (our ledger, and the provider's"
                        + " statistics when collected), with the latest hourly snapshots.",
                        Schema.input().required("roundId", roundId).build(), PreflightSchemas.METRICS, Tool.reads(),
                        (acting, args) -> metrics(rounds.metrics(acting, args.uuid("roundId")))),
                new Tool("create_round", "Create a round (draft)", "Creates a draft round in a campaign: name,"
                        + " subject, bodies (merge fields such as {{firstName}}), the lists it goes to and when"
                        + " (scheduledAt, with its offset). Nothing is sent: a draft must be submitted, then approved"
                        + " by someone else. Needs the role editor.",
                        fields(Schema.input().required("campaignId", uuid("The campaign's id.")), true).build(),
                        ROUND, Tool.changes(false, false),
                        (acting, args) -> view(acting, workflow.create(acting, args.uuid("campaignId"),
                                fields(args)))),
                new Tool("update_round", "Edit or reschedule a round", "Changes a round not yet sending; only the"
                        + " arguments given change. Changing what an approved (scheduled) round sends, to whom or"
                        + " when sends it back for approval, and whoever changed it may not approve it. Needs the"
                        + " role editor.",
                        fields(Schema.input().required("roundId", roundId), false).build(), ROUND,
                        Tool.changes(true, true),
                        (acting, args) -> view(acting, workflow.update(acting, args.uuid("roundId"), fields(args)))),
                new Tool("submit_round", "Submit a round for approval", "Asks for approval of a draft round:"
                        + " its preflight must pass (a fail answers the checklist). The approvers are told; the"
                        + " submitter may not approve it. Needs the role editor.",
                        Schema.input().required("roundId", roundId).build(), ROUND, Tool.changes(false, true),
                        (acting, args) -> view(acting, workflow.submit(acting, args.uuid("roundId")))),
                new Tool("approve_round", "Approve a round", "Approves a round waiting for approval, so that it goes"
                        + " out at its scheduled time. Four eyes: nobody approves a round they submitted or changed."
                        + " Give the version you read (get_round): if the round changed since, nothing is approved"
                        + " and you must look again. Needs the role approver.",
                        decision(roundId, false), ROUND, Tool.changes(false, true),
                        (acting, args) -> view(acting, workflow.approve(acting, args.uuid("roundId"),
                                args.integer("version")))),
                new Tool("reject_round", "Reject a round", "Sends a round waiting for approval back to draft, with"
                        + " the reason (what has to change). Give the version you read (get_round). Needs the role"
                        + " approver.",
                        decision(roundId, true), ROUND, Tool.changes(false, true),
                        (acting, args) -> view(acting, workflow.reject(acting, args.uuid("roundId"),
                                args.requiredWord("reason"), args.integer("version")))),
                new Tool("cancel_round", "Cancel a round", "Cancels a round that is not yet sending (draft, waiting"
                        + " or approved): it will never go out. Needs the role editor.",
                        Schema.input().required("roundId", roundId).build(), ROUND, Tool.changes(true, true),
                        (acting, args) -> view(acting, workflow.cancel(acting, args.uuid("roundId")))),
                new Tool("pause_round", "Pause a sending round", "Pauses a round that is sending: after the batch"
                        + " already handed to the provider, nothing more goes out until it is resumed. The round's"
                        + " counts say what went out and what is left (pending). Only a sending round can be paused;"
                        + " pausing it again is refused (409). Needs the role editor or approver.",
                        Schema.input().required("roundId", roundId).build(), ROUND, Tool.changes(false, false),
                        (acting, args) -> view(acting, workflow.pause(acting, args.uuid("roundId")))),
                new Tool("resume_round", "Resume a paused round", "Resumes a paused round: it sends again, only what"
                        + " is still pending, as soon as the launch job takes it up. Refused while a change made"
                        + " during the pause is not approved, and for a round that is not paused (409). Needs the"
                        + " role approver.",
                        Schema.input().required("roundId", roundId).build(), ROUND, Tool.changes(false, false),
                        (acting, args) -> view(acting, workflow.resume(acting, args.uuid("roundId")))),
                new Tool("stop_round", "Stop a round for good", "Ends a round that is sending or paused, for the"
                        + " reason given: final, it cannot be resumed; what has not gone out yet is skipped with the"
                        + " reason. A round that has not started sending is cancelled (cancel_round), not stopped."
                        + " Needs the role approver.",
                        Schema.input().required("roundId", roundId)
                                .required("reason", text("Why the round is stopped (kept on it and in the audit"
                                        + " trail).", 1_000)).build(),
                        ROUND, Tool.changes(true, false),
                        // The reason as given: the service checks it after the role, as for the route.
                        (acting, args) -> view(acting, workflow.stop(acting, args.uuid("roundId"),
                                args.text("reason").orElse(null)))),
                new Tool("copy_round", "Copy a round into a new draft", "Makes a new draft from a round, in any"
                        + " state: its subject, bodies and lists, without a time (give one with update_round), named"
                        + " \"Copy of …\" unless a name is given; in the same campaign unless campaignId names"
                        + " another (not archived). The source round is not changed. Answers the new draft. Needs the"
                        + " role editor.",
                        Schema.input().required("roundId", roundId)
                                .optional("campaignId", uuid("The campaign the copy goes to (default: the source's)."))
                                .optional("name", text("The copy's name (1-200 characters; default \"Copy of\" and"
                                        + " the source's name).", 200)).build(),
                        ROUND, Tool.changes(false, false),
                        (acting, args) -> view(acting, workflow.copy(acting, args.uuid("roundId"),
                                new RoundWorkflow.CopyFields(args.optionalUuid("campaignId").orElse(null),
                                        args.text("name").orElse(null))))));
    }

    private static Schema fields(Schema schema, boolean creating) {
        Map<String, Object> name = text("The round's name (1-200 characters).", 200);
        return (creating ? schema.required("name", name) : schema.optional("name", name))
                .optional("subject", text("The subject line; merge fields such as {{firstName}} are filled in.", 998))
                .optional("htmlBody", string("The HTML body."))
                .optional("textBody", string("The plain-text body."))
                .optional("listIds", array("The ids of the lists it goes to (list ids from search).",
                        uuid("A list's id.")))
                .optional("scheduledAt", dateTime("When it goes out"))
                .optional("templateId", uuid("A template (list_templates): the bodies are then the content of its"
                        + " {{content}} slot; preview_round shows the result."))
                .optional("conditions", anyObject("Who of its lists it goes to: {\"all\": [...]} or {\"any\": [...]},"
                        + " each item {field, op, value} or another group (at most 3 levels, 20 conditions). field:"
                        + " email, firstName, lastName, createdAt or attributes.<key>; op: equals, notEquals, in, notIn"
                        + " (value: an array), contains, exists (value: true or false), before, after (an ISO date or"
                        + " instant; createdAt and date attributes). Replaces segmentId."))
                .optional("excludedListIds", array("Lists whose contacts it skips.", uuid("A list's id.")))
                .optional("segmentId", uuid("A saved segment (list_segments) whose conditions it copies; an edit of"
                        + " the segment sends it back for approval."));
    }

    private static RoundWorkflow.RoundFields fields(ToolArguments args) {
        return new RoundWorkflow.RoundFields(args.text("name").orElse(null), args.text("subject").orElse(null),
                args.text("htmlBody").orElse(null), args.text("textBody").orElse(null), args.uuids("listIds"),
                args.dateTime("scheduledAt").orElse(null),
                args.optionalUuid("templateId").map(id -> (JsonNode) TextNode.valueOf(id.toString())).orElse(null),
                args.json("conditions").orElse(null), args.uuids("excludedListIds"),
                args.optionalUuid("segmentId").orElse(null));
    }

    private static Map<String, Object> decision(Map<String, Object> roundId, boolean rejecting) {
        Schema schema = Schema.input().required("roundId", roundId)
                .required("version", integer("The round's version you read with get_round: the decision is about"
                        + " that version only."));
        if (rejecting) {
            schema.required("reason", text("What has to change.", 2_000));
        }
        return schema.build();
    }

    /** The round, with its campaign's zone and last preflight; bodies shortened for an assistant's context. */
    RoundView view(Acting acting, Round round) {
        Campaign campaign = campaigns.get(acting, round.campaignId());
        ZoneId zone = ZoneId.of(campaign.timezone());
        Optional<Preflight.Checked> preflight = rounds.lastPreflight(acting, round.id());
        boolean shortened = round.message().textBody().length() > BODY_PREVIEW || round.message().htmlBody().length() > BODY_PREVIEW;
        return new RoundView(round.id(), round.campaignId(), campaign.name(), campaign.timezone(), round.name(),
                round.message().subject(), round.status().stored(), round.message().scheduledAt(), round.message().listIds(), round.counts(),
                round.version(), new Approval(round.approval().submittedBy(), at(round.approval().submittedAt(), zone), round.approval().approvedBy(),
                        at(round.approval().approvedAt(), zone), round.approval().approvedVersion(), round.approval().rejectionReason(),
                        round.approval().approvedTemplateVersion()),
                round.lifecycle().trigger() == null ? null : round.lifecycle().trigger().stored(), at(round.lifecycle().launchedAt(), zone),
                at(round.lifecycle().completedAt(), zone), round.lifecycle().failureReason(), round.createdBy(), round.createdAt(),
                round.updatedAt(), preview(round.message().textBody()), preview(round.message().htmlBody()), shortened,
                preflight.map(p -> new LastPreflight(at(p.checkedAt(), zone), p.result())).orElse(null),
                round.message().templateId(), round.audience());
    }

    /** The latest snapshots only: the history of a round sent long ago has one per hour since. */
    static final int METRICS_HISTORY = 24;

    private static RoundMetrics.Figures metrics(RoundMetrics.Figures figures) {
        List<RoundMetrics.Snapshot> history = figures.history();
        return new RoundMetrics.Figures(figures.latest(), figures.provider(),
                history.size() > METRICS_HISTORY ? history.subList(0, METRICS_HISTORY) : history);
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    private static String preview(String body) {
        return body.length() > BODY_PREVIEW ? body.substring(0, BODY_PREVIEW) + "…" : body;
    }
}
