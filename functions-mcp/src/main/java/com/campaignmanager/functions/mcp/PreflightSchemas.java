package com.campaignmanager.functions.mcp;

import static com.campaignmanager.functions.mcp.Schema.array;
import static com.campaignmanager.functions.mcp.Schema.bool;
import static com.campaignmanager.functions.mcp.Schema.dateTime;
import static com.campaignmanager.functions.mcp.Schema.integer;
import static com.campaignmanager.functions.mcp.Schema.nullable;
import static com.campaignmanager.functions.mcp.Schema.oneOf;
import static com.campaignmanager.functions.mcp.Schema.string;

import java.util.Map;

/** The output schemas of a round's checklist and figures, which several tools answer. */
final class PreflightSchemas {
    static final Map<String, Object> RESULT = Schema.output()
            .required("ready", bool("Whether nothing fails: only a ready round can be submitted, approved and sent."))
            .required("items", array("One line per check.", Schema.output()
                    .required("check", string("sender, subject, body, merge-fields, lists, scheduledAt, provider or"
                            + " frequency."))
                    .required("status", oneOf("pass, warn (shown, does not block) or fail (blocks).",
                            "pass", "warn", "fail"))
                    .required("detail", string("What was found.")).build()))
            .optional("providerUnavailable", bool("Whether the e-mail provider could not be reached for now."))
            .build();

    private static final Map<String, Object> SNAPSHOT = Schema.output()
            .required("collectedAt", dateTime("When these figures were collected"))
            .required("source", oneOf("ledger (ours) or the provider's statistics.", "ledger", "mailjet"))
            .required("recipients", integer("Recipients.")).required("sent", integer("Sent."))
            .required("failed", integer("Failed.")).required("skipped", integer("Skipped."))
            .required("opens", integer("Opens.")).required("uniqueOpens", integer("Recipients who opened."))
            .required("clicks", integer("Clicks.")).required("uniqueClicks", integer("Recipients who clicked."))
            .required("bounces", integer("Bounces.")).required("complaints", integer("Spam complaints."))
            .required("unsubscribes", integer("Unsubscribes.")).build();

    static final Map<String, Object> METRICS = Schema.output()
            .required("latest", nullable(SNAPSHOT))
            .required("provider", nullable(SNAPSHOT))
            .required("history", array("The latest hourly snapshots, newest first (at most "
                    + RoundTools.METRICS_HISTORY + ").", SNAPSHOT))
            .build();

    private PreflightSchemas() {
    }
}
