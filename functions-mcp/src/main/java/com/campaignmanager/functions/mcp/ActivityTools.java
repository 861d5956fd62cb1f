package com.campaignmanager.functions.mcp;

import static com.campaignmanager.functions.mcp.Schema.anyObject;
import static com.campaignmanager.functions.mcp.Schema.array;
import static com.campaignmanager.functions.mcp.Schema.date;
import static com.campaignmanager.functions.mcp.Schema.dateTime;
import static com.campaignmanager.functions.mcp.Schema.integer;
import static com.campaignmanager.functions.mcp.Schema.nullable;
import static com.campaignmanager.functions.mcp.Schema.number;
import static com.campaignmanager.functions.mcp.Schema.oneOf;
import static com.campaignmanager.functions.mcp.Schema.string;
import static com.campaignmanager.functions.mcp.Schema.text;
import static com.campaignmanager.functions.mcp.Schema.uuid;

import com.campaignmanager.shared.audit.AuditQueries;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.campaigns.Overview;
import com.campaignmanager.shared.campaigns.RoundRepository;
import com.campaignmanager.shared.campaigns.Sends;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.search.SiteSearch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;

/**
 * What happened and what is coming: what went out when ({@link Sends}), the rounds of the next days and the
 * approvals ({@link Overview}), the dashboard, search, and the audit trail ({@link AuditQueries}).
 */
final class ActivityTools {
    /** Text in an audit entry's detail beyond this is cut: a round's bodies would crowd the answer out. */
    static final int DETAIL_TEXT = 300;
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** A round that went out, its times in the zone asked about. */
    record SendView(UUID roundId, String roundName, UUID campaignId, String campaignName, String trigger,
                    String approvedBy, OffsetDateTime launchedAt, OffsetDateTime completedAt, int recipients,
                    int sent, int failed, String status) {
        static SendView of(RoundRepository.Send send, ZoneId zone) {
            return new SendView(send.roundId(), send.roundName(), send.campaignId(), send.campaignName(),
                    send.trigger(), send.actor(), RoundTools.at(send.launchedAt(), zone),
                    RoundTools.at(send.completedAt(), zone), send.recipients(), send.sent(), send.failed(),
                    send.status());
        }
    }

    record Sent(String timezone, LocalDate from, LocalDate to, List<SendView> items, String nextCursor) {
    }

    record Items(JsonNode items) {
    }

    private static final Map<String, Object> SEND = Schema.output()
            .required("roundId", uuid("The round (get_round tells all about it)."))
            .required("roundName", string("Its name."))
            .required("campaignId", uuid("Its campaign."))
            .required("campaignName", string("Its campaign's name."))
            .required("trigger", nullable(oneOf("What launched it: its schedule, or someone sending it now by hand"
                    + " (manual).", "schedule", "manual")))
            .required("approvedBy", nullable(string("Who approved it (for a round that needed no approval, who"
                    + " created it).")))
            .required("launchedAt", dateTime("When it started going out, in the zone asked about"))
            .required("completedAt", nullable(dateTime("When it finished, in the zone asked about")))
            .required("recipients", integer("How many it was addressed to."))
            .required("sent", integer("How many messages went out."))
            .required("failed", integer("How many failed."))
            .required("status", string("sending, sent or failed."))
            .build();

    private static final Map<String, Object> APPROVAL = Schema.output()
            .required("roundId", uuid("The round."))
            .required("roundName", string("Its name."))
            .required("status", string("The round's status."))
            .required("campaignId", uuid("Its campaign."))
            .required("campaignName", string("Its campaign's name."))
            .required("scheduledAt", nullable(dateTime("When it goes out, in the campaign's zone")))
            .required("submittedBy", nullable(string("Who asked for the approval.")))
            .required("submittedAt", nullable(dateTime("When")))
            .optional("waitedSeconds", nullable(integer("How long it has waited.")))
            .optional("decision", nullable(string("approved or rejected (decided ones).")))
            .optional("decidedBy", nullable(string("Who decided.")))
            .optional("decidedAt", nullable(dateTime("When")))
            .optional("reason", nullable(string("Why it was rejected.")))
            .build();

    private static final Map<String, Object> HIT = Schema.output()
            .required("type", oneOf("What it is.", "campaign", "round", "list", "contact"))
            .required("id", uuid("Its id, for the other tools."))
            .required("title", string("Its name (or a contact's address)."))
            .required("highlight", nullable(string("Where the text matched.")))
            .required("detail", nullable(string("More about it.")))
            .required("campaignId", nullable(uuid("A round's campaign.")))
            .required("score", number("How well it matched."))
            .build();

    private static final Map<String, Object> AUDIT_EVENT = Schema.output()
            .required("id", uuid("The entry."))
            .required("at", dateTime("When"))
            .required("actor", string("Who did it (an address, sub:<subject> or scheduler)."))
            .required("action", string("What was done, e.g. round.approved, round.updated, campaign.created."))
            .required("entityType", string("What it was done to: round, campaign, task, suppression…"))
            .required("entityId", string("Which one."))
            .required("detail", anyObject("Before and after, the request id (mcp:… when it came through this"
                    + " server), the version decided; long texts cut to " + DETAIL_TEXT + " characters."))
            .build();

    private final Sends sends;
    private final Overview overview;
    private final SiteSearch search;
    private final AuditQueries audit;

    @Inject
    ActivityTools(Sends sends, Overview overview, SiteSearch search, AuditQueries audit) {
        this.sends = sends;
        this.overview = overview;
        this.search = search;
        this.audit = audit;
    }

    List<Tool> tools() {
        return List.of(
                new Tool("find_sends", "What went out between two dates", "The rounds that went out (were launched)"
                        + " between two dates, both included, in a time zone: which round of which campaign, what"
                        + " launched it (its schedule or someone by hand), who approved it, when it started and"
                        + " finished, and its counts. For \"what went out today?\" give today as from and to, in"
                        + " the team's zone. Any member may read it.",
                        Schema.input().required("from", date("The first day"))
                                .required("to", date("The last day (the same as from for one day)"))
                                .optional("timezone", string("The IANA zone the dates are in, e.g. Europe/Paris"
                                        + " (UTC when not given); the times answered are in it too."))
                                .paged().build(),
                        Schema.output().required("timezone", string("The zone of the dates and times."))
                                .required("from", date("The first day")).required("to", date("The last day"))
                                .required("items", array("The rounds, in launch order.", SEND))
                                .required("nextCursor", nullable(string("Pass it as cursor for more."))).build(),
                        Tool.reads(), (acting, args) -> {
                            ZoneId zone = args.zone("timezone").orElse(UTC);
                            LocalDate from = args.date("from").orElse(null);
                            LocalDate to = args.date("to").orElse(null);
                            Page<RoundRepository.Send> page = sends.between(acting, from, to, zone, args.page());
                            return new Sent(zone.getId(), from, to,
                                    page.items().stream().map(s -> SendView.of(s, zone)).toList(), page.nextCursor());
                        }),
                new Tool("upcoming_rounds", "Rounds of the next 14 days", "The rounds scheduled in the next 14 days"
                        + " that have not gone out: each with its campaign, time (and the campaign's zone), whether"
                        + " it is approved, waiting for approval or not yet submitted, and whether its preflight"
                        + " passes. Any member may read it.",
                        Schema.input().build(),
                        Schema.output().required("items", array("Soonest first.", Schema.output()
                                .required("roundId", uuid("The round.")).required("roundName", string("Its name."))
                                .required("campaignName", string("Its campaign."))
                                .required("scheduledAt", dateTime("When it goes out"))
                                .required("approval", oneOf("Where it stands.", "approved", "pending",
                                        "not_submitted"))
                                .required("preflight", oneOf("Its last checklist.", "ready", "failing", "unchecked"))
                                .build())).build(),
                        Tool.reads(), (acting, args) -> new Items(overview.dashboard(acting).path("upcomingRounds"))),
                new Tool("list_approvals", "Approvals waiting or decided", "The rounds waiting for approval (oldest"
                        + " request first, with how long they have waited and their preflight), or the decisions"
                        + " taken (who approved or rejected what, when, why). Any member may read it.",
                        Schema.input().optional("status", oneOf("pending (the default) or decided.", "pending",
                                "decided")).paged().build(),
                        Schema.page(APPROVAL), Tool.reads(),
                        (acting, args) -> overview.approvals(acting, args.word("status").orElse(null), args.page())),
                new Tool("search", "Search", "Finds campaigns, rounds, lists and (for roles allowed to see"
                        + " personal data) contacts by a text: names, subjects, addresses; best matches first.",
                        Schema.input().required("query", text("What to look for.", 200))
                                .optional("types", string("Only these, comma-separated: campaign, round, list,"
                                        + " contact.")).paged().build(),
                        Schema.output().required("q", string("The text looked for."))
                                .required("items", array("Best first.", HIT))
                                .required("omittedTypes", array("Types left out: your role may not see them.",
                                        string("A type.")))
                                .required("nextCursor", nullable(string("Pass it as cursor for more."))).build(),
                        Tool.reads(), (acting, args) -> search.find(acting, new SiteSearch.Query(
                                args.word("query").orElse(null), args.word("types").orElse(null)), args.page())),
                new Tool("dashboard", "The dashboard", "What the team looks at every day: upcoming rounds, approvals"
                        + " waiting, recent sends with open, click and bounce rates, audience growth, overdue tasks.",
                        Schema.input().build(),
                        Schema.output().required("generatedAt", dateTime("When"))
                                .required("upcomingRounds", array("The next 14 days.", anyObject("A round.")))
                                .required("awaitingApproval", anyObject("{total, items}"))
                                .required("recentSends", array("The last 30 days, with rates.", anyObject("A send.")))
                                .build(),
                        Tool.reads(), (acting, args) -> overview.dashboard(acting)),
                new Tool("audit_trail", "The audit trail", "Who did what to which object, newest first: every change"
                        + " of campaigns, rounds (created, updated, submitted, approved, rejected, cancelled,"
                        + " launched), tasks, suppressions and the team. Filter by object, actor and time. Viewers"
                        + " see who did what, not to whom.",
                        Schema.input()
                                .optional("entityType", string("round, campaign, task, suppression, member, …"))
                                .optional("entityId", string("The object's id."))
                                .optional("actor", string("Who did it (an address)."))
                                .optional("from", dateTime("Not before"))
                                .optional("to", dateTime("Before")).paged().build(),
                        Schema.page(AUDIT_EVENT), Tool.reads(), (acting, args) -> {
                            Page<AuditTrail.AuditEvent> page = audit.page(acting, new AuditQueries.Filter(
                                    args.word("entityType").orElse(null), args.word("entityId").orElse(null),
                                    args.word("actor").orElse(null), args.instant("from").orElse(null),
                                    args.instant("to").orElse(null)), args.page());
                            return new Page<>(page.items().stream().map(e -> new AuditTrail.AuditEvent(e.id(), e.at(),
                                    e.actor(), e.action(), e.entityType(), e.entityId(), shortened(e.detail())))
                                    .toList(), page.nextCursor());
                        }));
    }

    /** The same JSON, each text longer than {@value #DETAIL_TEXT} characters cut. */
    static JsonNode shortened(JsonNode node) {
        if (node.isTextual() && node.textValue().length() > DETAIL_TEXT) {
            return TextNode.valueOf(node.textValue().substring(0, DETAIL_TEXT) + "…");
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.properties().forEach(field -> copy.set(field.getKey(), shortened(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(shortened(element)));
            return copy;
        }
        return node;
    }
}
