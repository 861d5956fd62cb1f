package com.campaignmanager.shared.campaigns;

import static com.campaignmanager.shared.campaigns.PreflightStatus.FAIL;
import static com.campaignmanager.shared.campaigns.PreflightStatus.PASS;
import static com.campaignmanager.shared.campaigns.PreflightStatus.WARN;

import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.email.EmailProvider;
import com.campaignmanager.shared.email.MessageRenderer;
import com.campaignmanager.shared.email.ProviderCheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The checklist a round must pass at submit, at approve and again at launch: sender and its domain, subject and
 * body, merge fields, lists with sendable recipients, time, provider; and a warning when another round of the
 * campaign goes to the same list within 24 hours. A {@code fail} blocks; a {@code warn} is shown. A round that
 * has started sending (paused, or changed while paused and waiting for approval) goes to its ledger, not its lists,
 * and its time has passed: for it the lists and the time give way to the ledger's progress.
 */
@Singleton
public final class Preflight {
    private static final SqlStatements SQL = SqlStatements.load(Preflight.class, "preflight.sql");
    private static final String SENDABLE_PER_LIST = SQL.statement("sendable-per-list");
    private static final String ROUND_TIMING = SQL.statement("round-timing");
    private static final String NEARBY_ROUNDS_TO_SAME_LISTS = SQL.statement("nearby-rounds-to-same-lists");
    private static final String RECORD_PREFLIGHT = SQL.statement("record-preflight");
    private static final String LEDGER_PROGRESS = SQL.statement("ledger-progress");
    private static final String FIND_LAST_PREFLIGHT = SQL.statement("find-last-preflight");
    /** Comma-separated domains rounds may be sent from; unset allows any (with a warning). */
    public static final String ALLOWED_SENDER_DOMAINS = SenderDomains.VARIABLE;

    public record Item(String check, PreflightStatus status, String detail) {
    }

    /**
     * {@code ready}: nothing fails. {@code providerUnavailable}: the provider check failed for a reason that passes
     * (no answer, 429, 5xx); when it is the only fail, a launch tries again a minute later instead of failing.
     */
    public record Result(boolean ready, List<Item> items, boolean providerUnavailable) {
        public Result(boolean ready, List<Item> items) {
            this(ready, items, false);
        }

        /** Everything but a briefly unavailable provider passes. */
        public boolean waitingOnlyForProvider() {
            return providerUnavailable && items.stream().filter(i -> i.status() == FAIL)
                    .allMatch(i -> i.check().equals("provider"));
        }
    }

    /** A result kept on the round ({@code {ready, items, providerUnavailable}}) and when it was checked. */
    public record Checked(JsonNode result, Instant checkedAt) {
    }

    private final RoundRepository rounds;
    private final CampaignRepository campaigns;
    private final EmailProvider provider;
    private final Set<String> allowedDomains;
    private final ObjectMapper json;
    private final DeliveryLedger ledger;
    private final RoundMessages messages;

    @Inject
    public Preflight(RoundRepository rounds, CampaignRepository campaigns, EmailProvider provider, ObjectMapper json,
                     SenderDomains senderDomains, RoundMessages messages, DeliveryLedger ledger) {
        this.messages = messages;
        this.ledger = ledger;
        this.json = json;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.provider = provider;
        this.allowedDomains = senderDomains.allowed();
    }

    public Preflight(RoundRepository rounds, CampaignRepository campaigns, EmailProvider provider, ObjectMapper json,
                     SenderDomains senderDomains) {
        this(rounds, campaigns, provider, json, senderDomains, new RoundMessages(), new DeliveryLedger());
    }

    /** {@code atLaunch}: the round is due, so its time is not checked. */
    public Result run(SqlExecutor sql, UUID roundId, boolean atLaunch) {
        Round round = rounds.find(sql, roundId).orElseThrow();
        Campaign campaign = campaigns.find(sql, round.campaignId()).orElseThrow();
        List<Item> items = new ArrayList<>();

        String domain = campaign.fromEmail().substring(campaign.fromEmail().indexOf('@') + 1);
        if (allowedDomains.isEmpty()) {
            items.add(new Item("sender", WARN, campaign.fromEmail() + " (no sender domain allow-list is configured)"));
        } else if (allowedDomains.contains(domain)) {
            items.add(new Item("sender", PASS, campaign.fromEmail()));
        } else {
            items.add(new Item("sender", FAIL, "the domain " + domain + " is not among " + allowedDomains));
        }
        // The message as it is sent: the content in its template's layout (the version it is sent with).
        RoundMessages.Source message = messages.source(sql, roundId);
        if (message.templateId() != null) {
            RoundMessages.Layout layout = message.layout();
            items.add(layout == null ? new Item("template", FAIL, "the template " + message.templateId()
                    + " has no layout to send")
                    : layout.archived() && round.lifecycle().launchedAt() == null
                    ? new Item("template", FAIL, layout.templateName() + " is archived: choose another template")
                    : new Item("template", PASS, layout.templateName() + " (version " + layout.version() + ")"));
        }
        if (message.storedBytes() > RoundMessages.MAX_MESSAGE_BYTES) {
            items.add(new Item("size", FAIL, "the subject, bodies and template take " + message.storedBytes() / 1024
                    + " KB; at most " + RoundMessages.MAX_MESSAGE_BYTES / 1024 + " KB can be sent"));
        }
        items.add(message.subject().isBlank() ? new Item("subject", FAIL, "the subject is empty")
                : new Item("subject", PASS, message.subject()));
        String html = message.html();
        String text = message.text();
        items.add(html.isBlank() && text.isBlank()
                ? new Item("body", FAIL, "the message has no HTML or text body")
                : new Item("body", PASS, html.isBlank() ? "text only" : "HTML"
                        + (text.isBlank() ? " only" : " and text")));
        Set<String> unresolved = new LinkedHashSet<>();
        unresolved.addAll(MessageRenderer.unresolved(message.subject()));
        unresolved.addAll(MessageRenderer.unresolved(html));
        unresolved.addAll(MessageRenderer.unresolved(text));
        items.add(unresolved.isEmpty() ? new Item("merge-fields", PASS, "all merge fields are known")
                : new Item("merge-fields", FAIL, "unknown merge fields: " + String.join(", ", unresolved)));

        boolean onLedger = !atLaunch && round.lifecycle().launchedAt() != null
                && (round.status() == RoundStatus.PAUSED || round.status() == RoundStatus.PENDING_APPROVAL);
        if (onLedger) {
            items.add(sql.querySingle(LEDGER_PROGRESS, Params.of("roundId", roundId), r -> new Item("ledger", PASS,
                    r.longValue("recipients") + " recipients, " + r.longValue("pending") + " still to send")));
        } else {
            List<String[]> lists = sql.query(SENDABLE_PER_LIST, Params.of("roundId", roundId),
                    r -> new String[] {r.string("name"), String.valueOf(r.longValue("sendable"))});
            if (lists.isEmpty()) {
                items.add(new Item("lists", FAIL, "no list is chosen"));
            }
            for (String[] list : lists) {
                long sendable = Long.parseLong(list[1]);
                items.add(sendable > 0 ? new Item("lists", PASS, list[0] + ": " + sendable + " sendable recipients")
                        : new Item("lists", FAIL, list[0] + " has no recipient that is not suppressed"));
            }
            if (!lists.isEmpty()) {
                // The same audience the ledger is written from: lists, suppressions, excluded lists, conditions.
                long audience = ledger.preview(sql, roundId, 0).recipients();
                items.add(audience > 0 ? new Item("audience", PASS, audience + " recipients")
                        : new Item("audience", FAIL, "no recipient is left once suppressed addresses, excluded "
                                + "lists and the conditions are applied"));
            }
            if (!atLaunch) {
                Boolean inFuture = sql.querySingle(ROUND_TIMING, Params.of("roundId", roundId),
                        r -> r.bool("in_future"));
                items.add(Boolean.TRUE.equals(inFuture) ? new Item("scheduledAt", PASS, String.valueOf(round.message().scheduledAt()))
                        : new Item("scheduledAt", FAIL, round.message().scheduledAt() == null ? "not set" : "in the past"));
            }
        }
        ProviderCheck check = provider.check();
        items.add(check.configured() && check.reachable() ? new Item("provider", PASS, provider.name())
                : new Item("provider", FAIL, provider.name() + ": " + check.detail()));
        if (round.message().scheduledAt() != null && !onLedger) {
            long nearby = sql.querySingle(NEARBY_ROUNDS_TO_SAME_LISTS, Params.of("roundId", roundId),
                    r -> r.longValue("nearby"));
            if (nearby > 0) {
                items.add(new Item("frequency", WARN, nearby
                        + " other round(s) of this campaign go to the same list within 24 hours"));
            }
        }
        Result result = new Result(items.stream().noneMatch(i -> i.status() == FAIL), items,
                check.configured() && !check.reachable() && check.transientProblem());
        record(sql, roundId, result);
        return result;
    }

    /** The last result kept on the round, without checking again; empty when no preflight has run. */
    public Optional<Checked> last(SqlExecutor sql, UUID roundId) {
        return sql.queryOptional(FIND_LAST_PREFLIGHT, Params.of("roundId", roundId), r -> {
            String result = r.json("preflight");
            if (result == null) {
                return Optional.<Checked>empty();
            }
            try {
                return Optional.of(new Checked(json.readTree(result), r.instant("preflight_at")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the kept preflight is not JSON", e);
            }
        }).flatMap(checked -> checked);
    }

    /** The last result stays on the round, so lists of rounds (approvals, dashboard) show it without re-running. */
    private void record(SqlExecutor sql, UUID roundId, Result result) {
        try {
            sql.updateIdempotent(RECORD_PREFLIGHT, Params.of("roundId", roundId)
                    .putJson("preflight", json.writeValueAsString(result)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("preflight result is not serialisable", e);
        }
    }
}
