package com.campaignmanager.functions.mcp;

import static com.campaignmanager.functions.mcp.Schema.anyObject;
import static com.campaignmanager.functions.mcp.Schema.array;
import static com.campaignmanager.functions.mcp.Schema.bool;
import static com.campaignmanager.functions.mcp.Schema.dateTime;
import static com.campaignmanager.functions.mcp.Schema.integer;
import static com.campaignmanager.functions.mcp.Schema.nullable;
import static com.campaignmanager.functions.mcp.Schema.string;
import static com.campaignmanager.functions.mcp.Schema.text;
import static com.campaignmanager.functions.mcp.Schema.uuid;

import com.campaignmanager.shared.audience.segments.Segments;
import com.campaignmanager.shared.campaigns.RoundAudience;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Who a round goes to ({@link RoundAudience}: the count, and a sample for those who may see personal data) and the
 * saved segments rounds may copy their conditions from ({@link Segments}), with the same role checks as over HTTP.
 */
final class SegmentTools {
    static final Map<String, Object> SEGMENT = Schema.output()
            .required("id", uuid("The segment's id: a round names it as segmentId."))
            .required("name", string("Its name."))
            .required("description", string("What it is for."))
            .required("conditions", anyObject("Its conditions: {\"all\" or \"any\": [{field, op, value} or a group]}."))
            .required("version", integer("Counts its changes."))
            .required("createdBy", string("Who created it."))
            .required("createdAt", dateTime("When"))
            .required("updatedAt", dateTime("When it last changed"))
            .build();

    private final RoundAudience audience;
    private final Segments segments;

    @Inject
    SegmentTools(RoundAudience audience, Segments segments) {
        this.audience = audience;
        this.segments = segments;
    }

    List<Tool> tools() {
        return List.of(
                new Tool("audience_preview", "Preview a round's audience", "How many people the round would go to"
                        + " now: its lists, less suppressed addresses and its excluded lists, narrowed by its"
                        + " conditions, exactly as its ledger will be written at launch (once launched: its ledger,"
                        + " what it goes to whatever happens to its lists). With a sample of them by"
                        + " address for the roles editor, approver and admin (a viewer gets the count only).",
                        Schema.input().required("roundId", uuid("The round's id."))
                                .optional("limit", integer("How many of them to show (1-" + RoundAudience.MAX_LIMIT
                                        + ", default " + RoundAudience.DEFAULT_LIMIT + ").", 1,
                                        RoundAudience.MAX_LIMIT)).build(),
                        Schema.output().required("roundId", uuid("The round."))
                                .required("recipients", integer("How many it would go to now."))
                                .required("sample", nullable(array("The first of them by address; null when you may"
                                        + " not see personal data.", Schema.output()
                                        .required("contactId", uuid("The contact."))
                                        .required("email", string("The address."))
                                        .required("firstName", nullable(string("First name.")))
                                        .required("lastName", nullable(string("Last name."))).build())))
                                .required("ledger", bool("Whether the count is its ledger (it was launched) rather"
                                        + " than its lists as they stand."))
                                .build(),
                        Tool.reads(), (acting, args) -> audience.preview(acting, args.uuid("roundId"),
                                args.integer("limit").orElse(RoundAudience.DEFAULT_LIMIT))),
                new Tool("list_segments", "List saved segments", "The saved segments, oldest first: conditions on"
                        + " contact fields and attributes that a round can copy (create_round or update_round with"
                        + " segmentId). Any member may read them.",
                        Schema.input().optional("query", text("Part of the name or description.", 200)).paged().build(),
                        Schema.page(SEGMENT), Tool.reads(),
                        (acting, args) -> segments.page(acting, args.word("query").orElse(null), args.page())));
    }
}
