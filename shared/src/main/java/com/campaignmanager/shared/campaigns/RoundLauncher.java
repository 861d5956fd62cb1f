package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.UnsubscribeTokens;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.config.PublicApiUrl;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.db.StoredText;
import com.campaignmanager.shared.email.Batches;
import com.campaignmanager.shared.email.EmailProvider;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.Recipient;
import com.campaignmanager.shared.email.SendResult;
import com.campaignmanager.shared.notifications.Notifications;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Sends due rounds. A round is claimed with one compare-and-set (scheduled → sending, with a lease), its
 * recipients are written to the ledger before the provider is called, and every message's own result is
 * recorded. A worker that dies leaves the lease to expire; the next one finishes from the ledger, sending only
 * what is still pending. Nothing here runs at start-up: only an invocation of {@link #launchDue} sends.
 */
@Singleton
public final class RoundLauncher {
    private static final SqlStatements SQL = SqlStatements.load(RoundLauncher.class, "sending.sql");
    private static final String CLAIM_ROUND = SQL.statement("claim-round");
    private static final String HAND_OVER_BATCH = SQL.statement("hand-over-batch");
    private static final String LEAVE_ROUND = SQL.statement("leave-round");
    private static final String WAIT_FOR_RETRIES = SQL.statement("wait-for-retries");
    private static final String DEFER_LAUNCH = SQL.statement("defer-launch");
    private static final String FAIL_ROUND = SQL.statement("fail-round");
    private static final String FAILURE_CONTEXT = SQL.statement("failure-context");
    private static final String FINISH_ROUND = SQL.statement("finish-round");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    static final int MAX_ATTEMPTS = 5;
    static final Duration LEASE = Duration.ofMinutes(2);
    /** One ledger read stays well inside the Data API's 1 MiB answer; a larger wave reads several times. */
    static final int READ_ROWS = 500;
    /** Bounds what one wave holds, hands over and records (32 Mailjet calls of 50; 4 outbox calls of 500). */
    static final int WAVE_ROWS = 2_000;
    /** A Retry-After no longer than this is waited out in place; the lease, just extended, outlasts it. */
    static final Duration LONGEST_WAIT_IN_PLACE = Duration.ofSeconds(60);

    /** What one invocation did. */
    public record LaunchReport(List<UUID> finished, int messagesSent, int messagesFailed, int messagesSkipped) {
    }

    private final Database database;
    private final EmailProvider provider;
    private final UnsubscribeTokens tokens;
    private final AuditTrail audit;
    private final Preflight preflight;
    private final ObjectMapper json;
    private final Notifications notifications;
    private final String publicApiUrl;
    private final DeliveryLedger ledger;
    private final ProviderCalls calls;

    @Inject
    public RoundLauncher(Database database, EmailProvider provider, UnsubscribeTokens tokens, AuditTrail audit,
                         Preflight preflight, ObjectMapper json, Notifications notifications,
                         PublicApiUrl publicApiUrl, DeliveryLedger ledger, ProviderCalls calls) {
        this.ledger = ledger;
        this.calls = calls;
        this.notifications = notifications;
        this.database = database;
        this.provider = provider;
        this.tokens = tokens;
        this.audit = audit;
        this.preflight = preflight;
        this.json = json;
        this.publicApiUrl = publicApiUrl.base();
    }

    /**
     * Claims and sends due rounds one after the other while {@code timeLeft} says there is time (a Lambda's
     * remaining time, less a margin). Each claim is its own worker identity.
     */
    public LaunchReport launchDue(BooleanSupplier timeLeft) {
        List<UUID> finished = new ArrayList<>();
        int[] totals = new int[3];
        settleAbandonedStops();
        while (timeLeft.getAsBoolean()) {
            String owner = "launcher-" + UUID.randomUUID();
            Optional<Claimed> claimed = database.queryOptional(CLAIM_ROUND,
                    Params.of("owner", owner).put("leaseSeconds", LEASE.toSeconds()), r -> new Claimed(r.uuid("id"),
                            Boolean.TRUE.equals(r.bool("resumed")), RoundMessages.Source.of(r.string("subject"),
                                    r.string("html_body"), r.string("text_body"), r.uuid("template_id"),
                                    r.intValue("template_version"), r.string("html_layout"), r.string("text_layout")),
                            r.string("from_email"), r.string("from_name"), r.string("reply_to")));
            if (claimed.isEmpty()) {
                break;
            }
            Claimed round = claimed.get();
            // Checked once, at launch: a round taken over after a crash or a retry wait continues from its ledger
            // (what was approved is what goes out, whatever has happened to its lists or the provider since).
            if (!round.resumed()) {
                Preflight.Result checked = preflight.run(database, round.id(), true);
                if (!checked.ready() && checked.waitingOnlyForProvider()) {
                    defer(round.id(), owner, checked);
                    continue;
                }
                if (!checked.ready()) {
                    fail(round.id(), owner, checked);
                    continue;
                }
                ledger.materialise(database, round.id());
            }
            if (send(round, owner, timeLeft, totals)) {
                finish(round.id(), owner).ifPresent(status -> finished.add(round.id()));
            }
        }
        return new LaunchReport(finished, totals[0], totals[1], totals[2]);
    }

    /** {@code message}: the content and the template version the round's approval covered. */
    private record Claimed(UUID id, boolean resumed, RoundMessages.Source message, String fromEmail,
                           String fromName, String replyTo) {
    }

    private record Pending(UUID id, String email, int attempts, UUID contactId, Recipient recipient,
                           boolean suppressed) {
    }

    /** The pending messages of one wave, read and rendered; {@code skipped} are suppressed since the ledger. */
    private record Wave(List<Pending> rows, List<Pending> skipped, List<OutgoingMessage> messages,
                        Map<String, Pending> byId) {
        List<String> handed() {
            return List.copyOf(byId.keySet());
        }
    }

    /**
     * True when nothing is left to send now; false when it stopped early (time, lease lost, retries waiting, rate
     * limited for longer than it can wait).
     *
     * <p>In waves: up to {@code SEND_CONCURRENCY} provider calls' worth of pending messages is handed over in one
     * statement (the pause/stop check, just before the wave's calls start), sent in that many calls at once, and
     * its results recorded in one statement. While a wave is in flight the next one is read and rendered (the
     * ledger rows after the wave's last, so no row is in two waves) and the wave before it recorded. So a pause or
     * stop is obeyed within the wave in flight: at most {@code SEND_CONCURRENCY} × the provider's batch size
     * messages go out after it (one batch at a concurrency of 1). No call starts before a Retry-After has passed;
     * the rate-limited messages stay pending until then.
     */
    private boolean send(Claimed round, String owner, BooleanSupplier timeLeft, int[] totals) {
        int perCall = provider.maxBatchSize();
        int waveRows = perCall * Math.max(1, Math.min(calls.concurrency(), WAVE_ROWS / perCall));
        Wave next = wave(round, waveRows, DeliveryLedger.START);
        Wave sending = null;
        ProviderCalls.InFlight inFlight = null;
        try {
            while (timeLeft.getAsBoolean()) {
                List<SendResult> answered = sending == null ? null : inFlight.results();
                if (!calls.awaitNotBefore(timeLeft, LONGEST_WAIT_IN_PLACE)) {
                    // Rate limited beyond what this worker waits (or its time is up): the round waits until then.
                    if (sending != null) {
                        record(sending, answered, totals);
                        sending = null;
                    }
                    database.updateIdempotent(WAIT_FOR_RETRIES, Params.of("roundId", round.id()).put("owner", owner)
                            .put("until", calls.notBefore()));
                    return false;
                }
                if (next.rows().isEmpty() && sending != null) {
                    // The end of the ledger: once the last wave is recorded, what has fallen due since is read.
                    record(sending, answered, totals);
                    sending = null;
                    next = wave(round, waveRows, DeliveryLedger.START);
                    continue;
                }
                if (next.rows().isEmpty()) {
                    // Nothing left now: unless the round was paused or stopped meanwhile (then it is let go, settled).
                    return handOver(round.id(), owner, List.of()) && waitForRetries(round.id(), owner);
                }
                // Checked before every wave of provider calls: a pause or a stop is obeyed within the wave in flight.
                if (!handOver(round.id(), owner, next.handed())) {
                    if (sending != null) {
                        // Handed over before the pause or stop: recorded as usual, and the counts settled again.
                        record(sending, answered, totals);
                        sending = null;
                        ledger.settleCounts(database, round.id());
                    }
                    return false;
                }
                totals[2] += next.skipped().size();
                Wave previous = sending;
                inFlight = calls.start(Batches.of(next.messages(), perCall));
                sending = next;
                // While the wave is in flight: the one before it recorded, the next one read and rendered.
                if (previous != null) {
                    record(previous, answered, totals);
                }
                next = wave(round, waveRows, sending.rows().get(sending.rows().size() - 1).id());
            }
            if (sending != null) {
                record(sending, inFlight.results(), totals);
                sending = null;
            }
            return false;
        } catch (RuntimeException e) {
            // The wave in flight is still recorded (its calls are waited for), so that none of it is sent again.
            if (sending != null) {
                try {
                    record(sending, inFlight.results(), totals);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
    }

    /**
     * The next wave: up to {@code rows} pending messages that are due, after {@code after} in ledger order, read
     * {@link #READ_ROWS} at a time and rendered.
     */
    private Wave wave(Claimed round, int rows, UUID after) {
        List<Pending> read = new ArrayList<>(Math.min(rows, READ_ROWS));
        UUID from = after;
        while (read.size() < rows) {
            int limit = Math.min(READ_ROWS, rows - read.size());
            List<Pending> page = ledger.nextBatch(database, round.id(), from, limit, r -> new Pending(
                    r.uuid("id"), r.string("email"), r.intValue("attempts"), r.uuid("contact_id"),
                    new Recipient(r.string("email"), r.string("first_name"), r.string("last_name"),
                            attributes(r.json("attributes"))),
                    Boolean.TRUE.equals(r.bool("suppressed"))));
            read.addAll(page);
            if (page.size() < limit) {
                break;
            }
            from = page.get(page.size() - 1).id();
        }
        List<Pending> skipped = new ArrayList<>();
        List<OutgoingMessage> messages = new ArrayList<>(read.size());
        Map<String, Pending> byId = new LinkedHashMap<>();
        for (Pending pending : read) {
            if (pending.suppressed() || pending.email() == null) {
                // Suppressed (or erased) after the ledger was written: never sent.
                skipped.add(pending);
            } else {
                messages.add(message(round, pending));
                byId.put(pending.id().toString(), pending);
            }
        }
        return new Wave(read, skipped, messages, byId);
    }

    /** Each message's result of {@code wave}, in one statement. */
    private void record(Wave wave, List<SendResult> sent, int[] totals) {
        ArrayNode results = json.createArrayNode();
        for (Pending pending : wave.skipped()) {
            results.add(result(pending.id(), DeliveryStatus.SKIPPED, null, "suppressed at send time", 0, null));
        }
        for (SendResult outcome : sent) {
            Pending pending = wave.byId().get(outcome.customId());
            switch (outcome.outcome()) {
                case SENT -> {
                    results.add(result(pending.id(), DeliveryStatus.SENT, outcome.providerMessageId(), null, 1, null));
                    totals[0]++;
                }
                case REJECTED -> {
                    results.add(result(pending.id(), DeliveryStatus.FAILED, null, outcome.error(), 1, null));
                    totals[1]++;
                }
                case RETRYABLE -> {
                    boolean lastAttempt = pending.attempts() + 1 >= MAX_ATTEMPTS;
                    // Rate limited: due again when the provider said, not after the backoff.
                    Instant next = outcome.retryAfter() != null ? calls.notBefore()
                            : Instant.now().plus(backoff(pending.attempts()));
                    results.add(result(pending.id(), lastAttempt ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
                            null, outcome.error(), 1, lastAttempt ? null : next));
                    if (lastAttempt) {
                        totals[1]++;
                    }
                }
                default -> throw new IllegalStateException(outcome.outcome().toString());
            }
        }
        if (!results.isEmpty()) {
            ledger.record(database, provider.name(), results.toString());
        }
    }

    private record HandOver(boolean sending, RoundStatus status, String stopReason) {
    }

    /**
     * True when the round is still this worker's and sending: its lease is extended and {@code deliveryIds} are
     * marked as handed to the provider. Otherwise the worker lets the round go: it was paused or stopped (its counts
     * are settled, and a stopped round's pending messages skipped), or another worker took it over (this one was
     * too slow) and finishes it from the ledger.
     */
    private boolean handOver(UUID roundId, String owner, List<String> deliveryIds) {
        HandOver answer = database.querySingle(HAND_OVER_BATCH, Params.of("roundId", roundId).put("owner", owner)
                .put("leaseSeconds", LEASE.toSeconds()).putList("deliveryIds", deliveryIds),
                r -> new HandOver(r.longValue("sending") == 1, StoredText.of(RoundStatus.class, r.string("status")),
                        r.string("stop_reason")));
        if (answer.sending()) {
            return true;
        }
        if (answer.status() == RoundStatus.STOPPED) {
            ledger.skipPending(database, roundId, answer.stopReason(), LEASE);
        }
        if (answer.status() == RoundStatus.STOPPED || answer.status() == RoundStatus.PAUSED) {
            ledger.settleCounts(database, roundId);
        }
        database.updateIdempotent(LEAVE_ROUND, Params.of("roundId", roundId).put("owner", owner));
        return false;
    }

    /**
     * A stopped round whose worker was gone before it recorded the messages it had handed to the provider: nobody
     * will know whether they went out, so they are skipped like the rest, and the counts settled.
     */
    private void settleAbandonedStops() {
        List<Map.Entry<UUID, String>> abandoned = ledger.stoppedWithPending(database);
        for (Map.Entry<UUID, String> round : abandoned) {
            ledger.skipPending(database, round.getKey(), round.getValue(), LEASE);
            ledger.settleCounts(database, round.getKey());
        }
    }

    /** Pending messages waiting for a retry: keep the round until the first is due, then let a worker take it. */
    private boolean waitForRetries(UUID roundId, String owner) {
        Instant next = ledger.earliestRetry(database, roundId);
        if (next == null) {
            return true;
        }
        database.updateIdempotent(WAIT_FOR_RETRIES, Params.of("roundId", roundId).put("owner", owner)
                .put("until", next));
        return false;
    }

    /** The provider is briefly unavailable at launch: nothing written, the round is due again in a minute. */
    private void defer(UUID roundId, String owner, Preflight.Result checked) {
        database.inTransaction(tx -> {
            if (tx.update(DEFER_LAUNCH, Params.of("roundId", roundId).put("owner", owner)) == 1) {
                audit.record(tx, "scheduler", "round.launch_deferred", "round", roundId.toString(),
                        Map.of("reason", "the provider is unavailable; trying again in a minute",
                                "preflight", checked.items()));
            }
            return null;
        });
    }

    /** The preflight failed at launch: nothing is sent; the round is failed with the checklist, audited. */
    private void fail(UUID roundId, String owner, Preflight.Result checked) {
        String reason = RoundNotices.preflightFailure(checked.items());
        database.inTransaction(tx -> {
            long failed = tx.update(FAIL_ROUND, Params.of("roundId", roundId).put("owner", owner)
                    .put("reason", reason));
            if (failed == 0) {
                return null;
            }
            audit.record(tx, "scheduler", "round.failed", "round", roundId.toString(),
                    Map.of("preflight", checked.items()));
            // Told in the same transaction: the team hears of it as surely as the round is failed.
            tx.querySingle(FAILURE_CONTEXT, Params.of("roundId", roundId), r -> notifications.publish(tx,
                    RoundNotices.failed(new RoundNotices.Failure(roundId, r.string("name"), r.uuid("campaign_id"),
                            r.string("campaign_name"), reason, checked.items(), r.intValue("sent"),
                            r.intValue("recipients"), r.string("submitted_by"), r.string("created_by")))));
            return null;
        });
    }

    private Optional<String> finish(UUID roundId, String owner) {
        return database.inTransaction(tx -> {
            Optional<String> status = tx.queryOptional(FINISH_ROUND,
                    Params.of("roundId", roundId).put("owner", owner), r -> r.string("status"));
            status.ifPresent(s -> audit.record(tx, "scheduler", "round." + s, "round", roundId.toString(),
                    Map.of("worker", owner)));
            return status;
        });
    }

    private OutgoingMessage message(Claimed round, Pending pending) {
        return RoundMessages.message(tokens, publicApiUrl, round.id(), pending.id().toString(), round.message(),
                new OutgoingMessage.Sender(round.fromEmail(), round.fromName(), round.replyTo()), pending.email(),
                pending.recipient(), pending.contactId(), false);
    }

    private ObjectNode result(UUID id, DeliveryStatus status, String providerMessageId, String error, int attempted,
                              Instant nextAttempt) {
        ObjectNode result = json.createObjectNode();
        result.put("id", id.toString());
        result.put("status", status.stored());
        result.put("provider_message_id", providerMessageId);
        result.put("error", error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
        result.put("attempted", attempted);
        result.put("next_attempt_at", nextAttempt == null ? null : nextAttempt.toString());
        return result;
    }

    /** 30 s, 1 min, 2 min, 4 min: retries spread over the minutes the job runs anyway. */
    static Duration backoff(int attemptsSoFar) {
        return Duration.ofSeconds(30L << Math.min(attemptsSoFar, 4));
    }

    private Map<String, Object> attributes(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
