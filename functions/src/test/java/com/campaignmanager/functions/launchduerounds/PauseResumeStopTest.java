package com.campaignmanager.functions.launchduerounds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.campaigns.CampaignsHandler;
import com.campaignmanager.functions.lists.ListsHandler;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.RoundFixtures;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audience.UnsubscribeSigningKey;
import com.campaignmanager.shared.audience.UnsubscribeTokens;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.campaigns.CampaignRepository;
import com.campaignmanager.shared.campaigns.DeliveryLedger;
import com.campaignmanager.shared.campaigns.Preflight;
import com.campaignmanager.shared.campaigns.ProviderCalls;
import com.campaignmanager.shared.campaigns.RoundLauncher;
import com.campaignmanager.shared.campaigns.RoundRepository;
import com.campaignmanager.shared.campaigns.SendSettings;
import com.campaignmanager.shared.campaigns.SenderDomains;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.PublicApiUrl;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.email.EmailProvider;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.notifications.NotificationChannels;
import com.campaignmanager.shared.notifications.Notifications;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pause, resume and stop a round while the launch job's code sends it, with WireMock as a Mailjet that answers
 * slowly: from the pause to the last provider call is at most one batch, a resumed round sends each recipient
 * exactly once, a stop skips what is left with its reason, and a paused round changed needs a new approval. At
 * {@code SEND_CONCURRENCY} 1, so that a wave is one batch; with more, the bound is the wave in flight
 * ({@link SendConcurrencyTest}).
 */
@ExtendWith(LocalDataApiExtension.class)
class PauseResumeStopTest {
    private static final ObjectMapper JSON = JsonMapper.create();
    /** Mailjet takes up to 50 messages a call: 250 recipients are five calls. */
    private static final int BATCH = 50;
    private static WireMockServer mailjet;
    private static RoundLauncher launcher;
    private static Database database;
    private static CampaignsHandler campaigns;
    private static RoundFixtures fixtures;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        database = FunctionDatabase.get();
        mailjet = new WireMockServer(wireMockConfig().dynamicPort());
        mailjet.start();
        EmailProvider provider = EmailModule.create(Environment.of(Map.of("EMAIL_PROVIDER", "mailjet",
                "MAILJET_API_KEY", "key", "MAILJET_API_SECRET", "secret", "MAILJET_API_URL", mailjet.baseUrl())),
                database);
        launcher = new RoundLauncher(database, provider,
                new UnsubscribeTokens(UnsubscribeSigningKey.from(Environment.system())), new AuditTrail(JSON),
                new Preflight(new RoundRepository(JSON), new CampaignRepository(), provider, JSON, SenderDomains.ANY),
                JSON, new Notifications(JSON, NotificationChannels.from(Environment.of(Map.of()))),
                new PublicApiUrl("https://api.test.example"), new DeliveryLedger(),
                new ProviderCalls(provider, new SendSettings(1)));
        campaigns = new CampaignsHandler();
        fixtures = new RoundFixtures(campaigns, new ListsHandler());
    }

    @AfterAll
    static void stop() {
        mailjet.stop();
    }

    /** Mailjet takes {@code delayMs} to accept each call (what it was asked so far is kept). */
    private static void mailjetAnswersIn(int delayMs) {
        mailjet.resetMappings();
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json").withBody("{\"Count\":1,\"Data\":[{}],\"Total\":1}")));
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < BATCH; i++) {
            messages.append(i == 0 ? "" : ",").append("{\"Status\":\"success\",\"To\":[{\"Email\":\"x@x.com\","
                    + "\"MessageUUID\":\"u-").append(i).append("\",\"MessageID\":").append(1000 + i).append("}]}");
        }
        mailjet.stubFor(post(urlPathEqualTo("/v3.1/send")).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json").withFixedDelay(delayMs)
                .withBody("{\"Messages\":[" + messages + "]}")));
    }

    @BeforeEach
    void onlyOurRoundIsDue() {
        mailjet.resetAll();
        mailjetAnswersIn(0);
        // Rounds other tests left due go out now: from here on the launcher sends only this test's round.
        launcher.launchDue(() -> true);
    }

    /** An approved round to a list of {@code people}, due now. */
    private static String dueRound(int people) {
        String tag = RoundFixtures.tag();
        String roundId = fixtures.approvedRound(fixtures.campaign(tag), fixtures.list(tag, people));
        database.update("UPDATE rounds SET scheduled_at = now() - interval '1 minute' WHERE id = :id::uuid",
                Params.of("id", roundId));
        return roundId;
    }

    /** The Mailjet calls for this round, in order. */
    private static List<LoggedRequest> callsFor(String roundId) {
        List<LoggedRequest> calls = new ArrayList<>();
        for (LoggedRequest request : mailjet.findAll(postRequestedFor(urlPathEqualTo("/v3.1/send")))) {
            if (messages(request).get(0).get("CustomCampaign").asText().equals(roundId)) {
                calls.add(request);
            }
        }
        calls.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return calls;
    }

    private static JsonNode messages(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString()).get("Messages");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every address the provider was asked to send to, once per message. */
    private static List<String> addressees(List<LoggedRequest> calls) {
        List<String> to = new ArrayList<>();
        calls.forEach(call -> messages(call).forEach(m -> to.add(m.get("To").get(0).get("Email").asText())));
        return to;
    }

    /** The launch job's code in a thread of its own, as an invocation running while the team acts. */
    private static Thread launchInBackground(AtomicReference<Throwable> failure) {
        Thread worker = new Thread(() -> {
            try {
                launcher.launchDue(() -> true);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "launcher");
        worker.start();
        return worker;
    }

    private static void awaitCalls(String roundId, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (callsFor(roundId).size() < calls) {
            assertThat(System.nanoTime()).as("waiting for " + calls + " Mailjet calls").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A launch run that has time for one batch only: the round stays sending, its worker's lease running. */
    private static BooleanSupplier oneBatch() {
        AtomicInteger asked = new AtomicInteger();
        // Asked before claiming and before each batch.
        return () -> asked.incrementAndGet() <= 2;
    }

    private static Response act(String route, String roundId, String who, String role, Object body) {
        ApiCall call = ApiCall.to(campaigns, route, roundId).as(who, role);
        return (body == null ? call : call.json(body)).send();
    }

    private static JsonNode round(String roundId) {
        return ApiCall.to(campaigns, "GET /rounds/{roundId}", roundId).as("viewer", "viewer").send().json();
    }

    private static String ledger(String roundId) {
        return database.querySingle("SELECT string_agg(status || ':' || n, ',' ORDER BY status) AS ledger FROM "
                + "(SELECT status, count(*) AS n FROM deliveries WHERE round_id = :id::uuid AND NOT test GROUP BY "
                + "status) s", Params.of("id", roundId), r -> r.string("ledger"));
    }

    private static long count(String sql, String roundId) {
        return database.querySingle(sql, Params.of("id", roundId), r -> r.longValue("n"));
    }

    @Test
    void aPauseStopsTheSendWithinOneBatchAndAResumeSendsEachRecipientExactlyOnce() throws Exception {
        String roundId = dueRound(250);
        mailjetAnswersIn(400);
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread worker = launchInBackground(failure);
        awaitCalls(roundId, 2);
        Response paused = act("POST /rounds/{roundId}/pause", roundId, "ed", "editor", null);
        int callsAtPause = callsFor(roundId).size();
        worker.join(60_000);
        int callsAfterPause = callsFor(roundId).size();
        JsonNode whilePaused = round(roundId);
        launcher.launchDue(() -> true);
        int callsOfAnotherRun = callsFor(roundId).size();

        assertThat(failure.get()).isNull();
        assertThat(worker.isAlive()).isFalse();
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().get("status").asText()).isEqualTo("paused");
        assertThat(paused.json().at("/counts/recipients").asInt()).isEqualTo(250);
        assertThat(paused.json().at("/counts/sent").asInt() + paused.json().at("/counts/pending").asInt())
                .isEqualTo(250);
        // No provider call after the pause but the batch already handed over, and none from a later run.
        assertThat(callsAfterPause).isBetween(callsAtPause, callsAtPause + 1).isLessThan(5);
        assertThat(callsOfAnotherRun).isEqualTo(callsAfterPause);
        assertThat(whilePaused.get("status").asText()).isEqualTo("paused");
        assertThat(whilePaused.at("/counts/sent").asInt()).isEqualTo(BATCH * callsAfterPause);
        assertThat(whilePaused.at("/counts/pending").asInt()).isEqualTo(250 - BATCH * callsAfterPause);

        // An editor may pause, not resume.
        assertThat(act("POST /rounds/{roundId}/resume", roundId, "ed", "editor", null).status()).isEqualTo(403);
        Response resumed = act("POST /rounds/{roundId}/resume", roundId, "boss", "approver", null);
        mailjetAnswersIn(0);
        launcher.launchDue(() -> true);

        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().get("status").asText()).isEqualTo("sending");
        List<String> to = addressees(callsFor(roundId));
        assertThat(to).hasSize(250);
        assertThat(new HashSet<>(to)).hasSize(250);
        JsonNode done = round(roundId);
        assertThat(done.get("status").asText()).isEqualTo("sent");
        assertThat(done.at("/counts/sent").asInt()).isEqualTo(250);
        assertThat(done.at("/counts/pending").asInt()).isZero();
        assertThat(ledger(roundId)).isEqualTo("sent:250");
        assertThat(count("SELECT count(*) AS n FROM deliveries WHERE round_id = :id::uuid AND attempts <> 1", roundId))
                .isZero();
        assertThat(count("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action IN "
                + "('round.paused', 'round.resumed')", roundId)).isEqualTo(2);
        assertThat(count("SELECT count(*) AS n FROM notifications WHERE entity_id = :id AND type IN "
                + "('round.paused', 'round.resumed')", roundId)).isEqualTo(2);
    }

    @Test
    void aStopSkipsWhatIsLeftWithTheReasonAndTheSendsShowWhatWentOut() throws Exception {
        String roundId = dueRound(250);
        mailjetAnswersIn(400);
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Thread worker = launchInBackground(failure);
        awaitCalls(roundId, 1);
        Response refused = act("POST /rounds/{roundId}/stop", roundId, "ed", "editor", Map.of("reason", "x"));
        Response noReason = act("POST /rounds/{roundId}/stop", roundId, "boss", "approver", Map.of("reason", " "));
        Response stopped = act("POST /rounds/{roundId}/stop", roundId, "boss", "approver",
                Map.of("reason", "the wrong list"));
        int callsAtStop = callsFor(roundId).size();
        worker.join(60_000);
        int calls = callsFor(roundId).size();
        mailjetAnswersIn(0);
        Response resumed = act("POST /rounds/{roundId}/resume", roundId, "boss", "approver", null);
        launcher.launchDue(() -> true);

        assertThat(failure.get()).isNull();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("reason");
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().get("status").asText()).isEqualTo("stopped");
        assertThat(stopped.json().get("stopReason").asText()).isEqualTo("the wrong list");
        assertThat(stopped.json().get("stoppedBy").asText()).isEqualTo("boss@example.com");
        assertThat(calls).isBetween(callsAtStop, callsAtStop + 1).isLessThan(5);
        assertThat(resumed.status()).isEqualTo(409);
        assertThat(callsFor(roundId)).hasSize(calls);
        // The batch in flight at the stop is recorded as sent; everything else is skipped with the reason.
        int sent = BATCH * calls;
        assertThat(ledger(roundId)).isEqualTo("sent:" + sent + ",skipped:" + (250 - sent));
        JsonNode after = round(roundId);
        assertThat(after.get("status").asText()).isEqualTo("stopped");
        assertThat(after.at("/counts/recipients").asInt()).isEqualTo(250);
        assertThat(after.at("/counts/sent").asInt()).isEqualTo(sent);
        assertThat(after.at("/counts/skipped").asInt()).isEqualTo(250 - sent);
        assertThat(after.at("/counts/pending").asInt()).isZero();
        JsonNode skipped = ApiCall.to(campaigns, "GET /rounds/{roundId}/deliveries", roundId).as("ed", "editor")
                .query("status", "skipped").query("limit", "5").send().json().get("items");
        assertThat(skipped).isNotEmpty();
        skipped.forEach(d -> assertThat(d.get("lastError").asText()).isEqualTo("stopped: the wrong list"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode ours = null;
        String cursor = null;
        do {
            ApiCall page = ApiCall.to(campaigns, "GET /sends").as("viewer", "viewer")
                    .query("from", today.minusDays(1).toString()).query("to", today.plusDays(1).toString())
                    .query("limit", "200");
            JsonNode answer = (cursor == null ? page : page.query("cursor", cursor)).send().json();
            for (JsonNode send : answer.get("items")) {
                if (send.get("roundId").asText().equals(roundId)) {
                    ours = send;
                }
            }
            cursor = answer.path("nextCursor").isTextual() ? answer.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertThat(ours).as("the stopped round in /sends").isNotNull();
        assertThat(ours.get("sent").asInt()).isEqualTo(sent);
        assertThat(ours.get("status").asText()).isEqualTo("stopped");
        assertThat(count("SELECT count(*) AS n FROM notifications WHERE dedup_key = 'round:' || :id || ':stopped'",
                roundId)).isEqualTo(1);
        assertThat(act("POST /rounds/{roundId}/cancel", roundId, "ed", "editor", null).status()).isEqualTo(409);
    }

    @Test
    void aPausedRoundThatIsChangedNeedsANewApprovalBeforeItCanResume() {
        String roundId = dueRound(120);
        String otherList = fixtures.list(RoundFixtures.tag(), 1);
        launcher.launchDue(oneBatch());
        Response paused = act("POST /rounds/{roundId}/pause", roundId, "ed", "editor", null);

        Response newList = ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as("ed", "editor")
                .json(Map.of("listIds", List.of(otherList))).send();
        Response newTime = ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as("ed", "editor")
                .json(Map.of("scheduledAt", RoundFixtures.FUTURE)).send();
        Response newAudience = ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as("ed", "editor")
                .json(Map.of("excludedListIds", List.of(otherList), "conditions", Map.of("all",
                        List.of(Map.of("field", "email", "op", "exists"))))).send();
        Response edited = ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as("ed", "editor", "approver")
                .json(Map.of("subject", "Hi again")).send();
        Response resumedUnapproved = act("POST /rounds/{roundId}/resume", roundId, "boss", "approver", null);
        Response selfApproved = act("POST /rounds/{roundId}/approve", roundId, "ed", "approver", null);
        Response approved = act("POST /rounds/{roundId}/approve", roundId, "boss", "approver", null);
        Response resumed = act("POST /rounds/{roundId}/resume", roundId, "boss", "approver", null);
        // The one-batch run's worker is gone without a word: the next run takes over once its lease has ended.
        database.update("UPDATE rounds SET lease_expires_at = now() - interval '1 second' WHERE id = :id::uuid",
                Params.of("id", roundId));
        launcher.launchDue(() -> true);

        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(newList.status()).as(newList.toString()).isEqualTo(409);
        assertThat(newTime.status()).as(newTime.toString()).isEqualTo(409);
        assertThat(newAudience.status()).as(newAudience.toString()).isEqualTo(409);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("status").asText()).isEqualTo("pending_approval");
        assertThat(resumedUnapproved.status()).isEqualTo(409);
        assertThat(selfApproved.status()).as("whoever changed it may not approve it").isEqualTo(403);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).as("approved, it waits to be resumed").isEqualTo("paused");
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        List<LoggedRequest> calls = callsFor(roundId);
        assertThat(calls).hasSize(3);
        assertThat(messages(calls.get(0)).get(0).get("Subject").asText()).isEqualTo("Hi");
        assertThat(messages(calls.get(2)).get(0).get("Subject").asText()).isEqualTo("Hi again");
        assertThat(new HashSet<>(addressees(calls))).hasSize(120);
        assertThat(addressees(calls)).hasSize(120);
        assertThat(ledger(roundId)).isEqualTo("sent:120");
        assertThat(round(roundId).get("status").asText()).isEqualTo("sent");
    }

    @Test
    void aRejectedChangeOfAPausedRoundKeepsItPausedUntilItIsChangedAgainOrStopped() {
        String roundId = dueRound(60);
        launcher.launchDue(oneBatch());
        act("POST /rounds/{roundId}/pause", roundId, "ed", "editor", null);
        ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as("ed", "editor").json(Map.of("htmlBody", "<p>x</p>"))
                .send();

        Response cancelled = act("POST /rounds/{roundId}/cancel", roundId, "ed", "editor", null);
        Response rejected = act("POST /rounds/{roundId}/reject", roundId, "boss", "approver",
                Map.of("reason", "keep the old body"));
        Response resumed = act("POST /rounds/{roundId}/resume", roundId, "boss", "approver", null);
        Response stopped = act("POST /rounds/{roundId}/stop", roundId, "boss", "approver",
                Map.of("reason", "not worth it"));

        assertThat(cancelled.status()).as("a launched round is stopped, not cancelled").isEqualTo(409);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("status").asText()).isEqualTo("paused");
        assertThat(rejected.json().get("approvedBy").isNull()).isTrue();
        assertThat(rejected.json().get("rejectionReason").asText()).isEqualTo("keep the old body");
        assertThat(resumed.status()).isEqualTo(409);
        assertThat(resumed.json().get("detail").asText()).contains("keep the old body");
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(ledger(roundId)).isEqualTo("sent:50,skipped:10");
    }

    @Test
    void messagesHandedOverByAWorkerThatIsGoneAreSettledByTheNextRun() {
        String roundId = dueRound(60);
        launcher.launchDue(oneBatch());
        // A second worker has just handed the last ten to the provider when the stop comes.
        database.update("UPDATE deliveries SET handed_at = now() WHERE round_id = :id::uuid AND status = 'pending'",
                Params.of("id", roundId));
        Response stopped = act("POST /rounds/{roundId}/stop", roundId, "boss", "approver", Map.of("reason", "enough"));
        String atStop = ledger(roundId);
        launcher.launchDue(() -> true);
        String whileItsLeaseRuns = ledger(roundId);
        // That worker never comes back: its lease and its hand-over run out.
        database.update("UPDATE rounds SET lease_expires_at = now() - interval '1 second' WHERE id = :id::uuid",
                Params.of("id", roundId));
        database.update("UPDATE deliveries SET handed_at = now() - interval '1 hour' WHERE round_id = :id::uuid "
                + "AND status = 'pending'", Params.of("id", roundId));
        launcher.launchDue(() -> true);

        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().at("/counts/pending").asInt()).isEqualTo(10);
        assertThat(atStop).isEqualTo("pending:10,sent:50");
        assertThat(whileItsLeaseRuns).isEqualTo("pending:10,sent:50");
        assertThat(ledger(roundId)).isEqualTo("sent:50,skipped:10");
        JsonNode after = round(roundId);
        assertThat(after.at("/counts/skipped").asInt()).isEqualTo(10);
        assertThat(after.at("/counts/pending").asInt()).isZero();
        assertThat(callsFor(roundId)).hasSize(1);
    }

    @Test
    void onlyASendingRoundIsPausedAndOnlyAPausedOneResumed() {
        String tag = RoundFixtures.tag();
        String draft = fixtures.round(fixtures.campaign(tag), fixtures.list(tag, 1));

        assertThat(act("POST /rounds/{roundId}/pause", draft, "ed", "editor", null).status()).isEqualTo(409);
        assertThat(act("POST /rounds/{roundId}/resume", draft, "boss", "approver", null).status()).isEqualTo(409);
        Response stopDraft = act("POST /rounds/{roundId}/stop", draft, "boss", "approver", Map.of("reason", "x"));
        assertThat(stopDraft.status()).isEqualTo(409);
        assertThat(act("POST /rounds/{roundId}/pause", "00000000-0000-0000-0000-000000000000", "ed", "editor", null)
                .status()).isEqualTo(404);
        assertThat(act("POST /rounds/{roundId}/pause", draft, "viewer", "viewer", null).status()).isEqualTo(403);
    }
}
