package com.campaignmanager.functions.mcp;

import static com.campaignmanager.functions.mcp.Schema.array;
import static com.campaignmanager.functions.mcp.Schema.dateTime;
import static com.campaignmanager.functions.mcp.Schema.email;
import static com.campaignmanager.functions.mcp.Schema.integer;
import static com.campaignmanager.functions.mcp.Schema.nullable;
import static com.campaignmanager.functions.mcp.Schema.oneOf;
import static com.campaignmanager.functions.mcp.Schema.string;
import static com.campaignmanager.functions.mcp.Schema.text;
import static com.campaignmanager.functions.mcp.Schema.uuid;

import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.Campaigns;
import com.campaignmanager.shared.campaigns.Round;
import com.campaignmanager.shared.campaigns.Rounds;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.PageRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;

/** Campaigns: list and read them (with their rounds), and create one, through {@link Campaigns}. */
final class CampaignTools {
    /** A round in a list: what it is and where it stands, without its bodies. */
    record RoundSummary(UUID id, String name, String subject, String status, OffsetDateTime scheduledAt,
                        Round.Counts counts, int version) {
        static RoundSummary of(Round round) {
            return new RoundSummary(round.id(), round.name(), round.message().subject(), round.status().stored(),
                    round.message().scheduledAt(), round.counts(), round.version());
        }
    }

    /** A campaign and a page of its rounds (oldest first). */
    record CampaignWithRounds(Campaign campaign, List<RoundSummary> rounds, String roundsNextCursor) {
    }

    static final Map<String, Object> CAMPAIGN = Schema.output()
            .required("id", uuid("The campaign's id."))
            .required("name", string("Its name."))
            .required("description", nullable(string("What it is for.")))
            .required("fromEmail", string("The sender's address."))
            .required("fromName", nullable(string("The sender's name.")))
            .required("replyTo", nullable(string("Where replies go.")))
            .required("timezone", string("Its time zone: its rounds' times are given in it."))
            .required("status", oneOf("active or archived.", "active", "archived"))
            .required("createdBy", string("Who created it."))
            .required("createdAt", dateTime("When"))
            .build();

    static final Map<String, Object> ROUND_SUMMARY = Schema.output()
            .required("id", uuid("The round's id (get_round gives all of it)."))
            .required("name", string("Its name."))
            .required("subject", string("Its subject line."))
            .required("status", string("draft, pending_approval, scheduled, sending, sent, failed or cancelled."))
            .required("scheduledAt", nullable(dateTime("When it goes out, in the campaign's zone")))
            .required("counts", Schema.output().required("recipients", integer("Recipients."))
                    .required("sent", integer("Sent.")).required("failed", integer("Failed.")).build())
            .required("version", integer("Its version."))
            .build();

    private final Campaigns campaigns;
    private final Rounds rounds;

    @Inject
    CampaignTools(Campaigns campaigns, Rounds rounds) {
        this.campaigns = campaigns;
        this.rounds = rounds;
    }

    List<Tool> tools() {
        return List.of(
                new Tool("list_campaigns", "List campaigns", "The campaigns, oldest first, optionally only active or"
                        + " archived ones, or those whose name matches a text. Any member may read them.",
                        Schema.input().optional("status", oneOf("Only campaigns in this status.", "active", "archived"))
                                .optional("query", text("Part of the name.", 200)).paged().build(),
                        Schema.page(CAMPAIGN), Tool.reads(),
                        (acting, args) -> campaigns.page(acting, args.word("status").orElse(null),
                                args.word("query").orElse(null), args.page())),
                new Tool("get_campaign", "Get a campaign with its rounds", "One campaign (sender, time zone, status)"
                        + " and its rounds, oldest first, each with its status, time and counts; page through the"
                        + " rounds with cursor. Any member may read it.",
                        Schema.input().required("campaignId", uuid("The campaign's id.")).paged().build(),
                        Schema.output().required("campaign", CAMPAIGN)
                                .required("rounds", array("A page of its rounds.", ROUND_SUMMARY))
                                .required("roundsNextCursor", nullable(string("Pass it as cursor for more rounds.")))
                                .build(),
                        Tool.reads(), (acting, args) -> {
                            UUID campaignId = args.uuid("campaignId");
                            Campaign campaign = campaigns.get(acting, campaignId);
                            PageRequest page = args.page();
                            Page<Round> ofCampaign = rounds.ofCampaign(acting, campaignId, page);
                            return new CampaignWithRounds(campaign,
                                    ofCampaign.items().stream().map(RoundSummary::of).toList(),
                                    ofCampaign.nextCursor());
                        }),
                new Tool("create_campaign", "Create a campaign", "Creates a campaign: its name, sender (fromEmail,"
                        + " fromName, replyTo) and time zone (an IANA zone such as Europe/Paris; UTC when not given)."
                        + " Its rounds are added with create_round. Needs the role editor.",
                        Schema.input().required("name", text("The campaign's name (1-200 characters).", 200))
                                .required("fromEmail", email("The sender's address."))
                                .optional("fromName", text("The sender's name.", 200))
                                .optional("replyTo", email("Where replies go."))
                                .optional("description", text("What it is for.", 2_000))
                                .optional("timezone", string("An IANA time zone such as Europe/Paris.")).build(),
                        CAMPAIGN, Tool.changes(false, false),
                        (acting, args) -> campaigns.create(acting, new Campaigns.CampaignFields(
                                args.text("name").orElse(null), args.text("description").orElse(null),
                                args.text("fromEmail").orElse(null), args.text("fromName").orElse(null),
                                args.text("replyTo").orElse(null), args.word("timezone").orElse(null)))));
    }
}
