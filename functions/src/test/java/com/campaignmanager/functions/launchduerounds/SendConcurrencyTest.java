package com.campaignmanager.functions.launchduerounds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import com.campaignmanager.shared.config.InvalidConfigurationException;
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
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several Mailjet calls in flight from one worker ({@code SEND_CONCURRENCY}), through the launch job's code with a
 * slow WireMock as Mailjet: the calls really overlap, never more than the setting, every recipient gets one
 * message, a 429 holds every new call back until its Retry-After has passed, and a call that fails loses nothing
 * of the others.
 */
@ExtendWith(LocalDataApiExtension.class)
class SendConcurrencyTest {
    private static final ObjectMapper JSON = JsonMapper.create();
    private static final int BATCH = 50;
    private static final CallLog LOG = new CallLog();
    private static WireMockServer mailjet;
    private static EmailProvider provider;
    private static Database database;
    private static RoundFixtures fixtures;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        database = FunctionDatabase.get();
        mailjet = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40).extensions(LOG));
        mailjet.start();
        provider = EmailModule.create(Environment.of(Map.of("EMAIL_PROVIDER", "mailjet", "MAILJET_API_KEY", "key",
                "MAILJET_API_SECRET", "secret", "MAILJET_API_URL", mailjet.baseUrl())), database);
        fixtures = new RoundFixtures(new CampaignsHandler(), new ListsHandler());
    }

    @AfterAll
    static void stop() {
        mailjet.stop();
    }

    @BeforeEach
    void onlyOurRoundIsDue() {
        mailjet.resetAll();
        mailjetAnswersIn(0);
        // Rounds other tests left due go out now: from here on the launcher sends only this test's round.
        launcher(8).launchDue(() -> true);
        LOG.calls.clear();
    }

    /** The launch job's launcher as its component builds it, with {@code SEND_CONCURRENCY} = {@code concurrency}. */
    private static RoundLauncher launcher(int concurrency) {
        SendSettings settings = SendSettings.from(Environment.of(Map.of(SendSettings.CONCURRENCY,
                String.valueOf(concurrency))));
        return new RoundLauncher(database, provider,
                new UnsubscribeTokens(UnsubscribeSigningKey.from(Environment.system())), new AuditTrail(JSON),
                new Preflight(new RoundRepository(JSON), new CampaignRepository(), provider, JSON, SenderDomains.ANY),
                JSON, new Notifications(JSON, NotificationChannels.from(Environment.of(Map.of()))),
                new PublicApiUrl("https://api.test.example"), new DeliveryLedger(), new ProviderCalls(provider, settings));
    }

    /** Mailjet accepts every message of a call after {@code delayMs}. */
    private static void mailjetAnswersIn(int delayMs) {
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json").withBody("{\"Count\":1,\"Data\":[{}],\"Total\":1}")));
        mailjet.stubFor(post(urlPathEqualTo("/v3.1/send")).atPriority(5).willReturn(accepted(delayMs)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted(int delayMs) {
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < BATCH; i++) {
            messages.append(i == 0 ? "" : ",").append("{\"Status\":\"success\",\"To\":[{\"Email\":\"x@x.com\","
                    + "\"MessageUUID\":\"u-").append(i).append("\",\"MessageID\":").append(1000 + i).append("}]}");
        }
        return aResponse().withStatus(200).withHeader("content-type", "application/json").withFixedDelay(delayMs)
                .withBody("{\"Messages\":[" + messages + "]}");
    }

    /** An approved round to a list of {@code people}, due now; its first address is {@code one-<tag>@x.com}. */
    private static String dueRound(String tag, int people) {
        String roundId = fixtures.approvedRound(fixtures.campaign(tag), fixtures.list(tag, people));
        database.update("UPDATE rounds SET scheduled_at = now() - interval '1 minute' WHERE id = :id::uuid",
                Params.of("id", roundId));
        return roundId;
    }

    private static String ledger(String roundId) {
        return database.querySingle("SELECT string_agg(status || ':' || n, ',' ORDER BY status) AS ledger FROM "
                + "(SELECT status, count(*) AS n FROM deliveries WHERE round_id = :id::uuid AND NOT test GROUP BY "
                + "status) s", Params.of("id", roundId), r -> r.string("ledger"));
    }

    private static String attempts(String roundId) {
        return database.querySingle("SELECT string_agg(attempts || 'x' || n, ',' ORDER BY attempts) AS a FROM "
                + "(SELECT attempts, count(*) AS n FROM deliveries WHERE round_id = :id::uuid AND NOT test GROUP BY "
                + "attempts) s", Params.of("id", roundId), r -> r.string("a"));
    }

    /** A later run, once the retries are due and the first worker's lease is over. */
    private static void retriesFallDue(String roundId) {
        database.update("UPDATE deliveries SET next_attempt_at = now() - interval '1 second' WHERE round_id = "
                + ":id::uuid AND status = 'pending'", Params.of("id", roundId));
        database.update("UPDATE rounds SET lease_expires_at = now() - interval '1 second' WHERE id = :id::uuid",
                Params.of("id", roundId));
    }

    @Test
    void callsOverlapUpToTheConcurrencyAndEveryRecipientGetsOneMessage() {
        String roundId = dueRound(RoundFixtures.tag(), 500);
        mailjetAnswersIn(300);

        RoundLauncher.LaunchReport report = launcher(4).launchDue(() -> true);

        List<Call> calls = LOG.of(roundId);
        assertThat(report.messagesSent()).isEqualTo(500);
        assertThat(calls).hasSize(10);
        assertThat(CallLog.maxInFlight(calls)).isGreaterThan(1).isLessThanOrEqualTo(4);
        List<String> to = CallLog.addressees(calls);
        assertThat(to).hasSize(500);
        assertThat(new HashSet<>(to)).hasSize(500);
        assertThat(ledger(roundId)).isEqualTo("sent:500");
        assertThat(attempts(roundId)).isEqualTo("1x500");
    }

    @Test
    void aConcurrencyOfOneSendsOneCallAfterTheOther() {
        String roundId = dueRound(RoundFixtures.tag(), 150);
        mailjetAnswersIn(100);

        launcher(1).launchDue(() -> true);

        List<Call> calls = LOG.of(roundId);
        assertThat(calls).hasSize(3);
        assertThat(CallLog.maxInFlight(calls)).isEqualTo(1);
        assertThat(new HashSet<>(CallLog.addressees(calls))).hasSize(150);
        assertThat(ledger(roundId)).isEqualTo("sent:150");
    }

    @Test
    void aRateLimitedCallHoldsBackEveryNewCallUntilItsRetryAfterAndItsMessagesGoOutAfterwards() {
        String tag = RoundFixtures.tag();
        String roundId = dueRound(tag, 400);
        mailjetAnswersIn(200);
        mailjet.stubFor(post(urlPathEqualTo("/v3.1/send")).atPriority(1).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).withRequestBody(containing("one-" + tag + "@x.com"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withFixedDelay(200)
                        .withBody("{\"ErrorMessage\":\"Too many requests\"}"))
                .willSetStateTo("answered"));

        RoundLauncher.LaunchReport report = launcher(4).launchDue(() -> true);

        List<Call> calls = LOG.of(roundId);
        Call limited = calls.stream().filter(c -> c.status() == 429).findFirst().orElseThrow();
        List<Call> later = calls.stream().filter(c -> c.receivedNanos() > limited.completedNanos()).toList();
        assertThat(calls.stream().filter(c -> c.status() == 429)).hasSize(1);
        assertThat(later).isNotEmpty();
        // No call starts before the Retry-After has passed (the calls already in flight finish as they were).
        later.forEach(c -> assertThat(c.receivedNanos() - limited.completedNanos()).isGreaterThanOrEqualTo(2_000_000_000L));
        // The rate-limited messages went out afterwards, in this run; nobody got two.
        List<Call> accepted = calls.stream().filter(c -> c.status() == 200).toList();
        List<String> to = CallLog.addressees(accepted);
        assertThat(to).hasSize(400).containsAll(CallLog.addressees(List.of(limited)));
        assertThat(new HashSet<>(to)).hasSize(400);
        assertThat(report.messagesSent()).isEqualTo(400);
        assertThat(ledger(roundId)).isEqualTo("sent:400");
        // Counted as one attempt each, as any retryable answer is; not failed.
        assertThat(attempts(roundId)).isEqualTo("1x350,2x50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connection reset", "HTTP 500"})
    void aCallThatFailsLosesNothingOfTheOtherCallsInFlight(String failure) {
        String tag = RoundFixtures.tag();
        String roundId = dueRound(tag, 200);
        mailjetAnswersIn(300);
        mailjet.stubFor(post(urlPathEqualTo("/v3.1/send")).atPriority(1).inScenario("failing")
                .whenScenarioStateIs(Scenario.STARTED).withRequestBody(containing("one-" + tag + "@x.com"))
                .willReturn(failure.equals("HTTP 500") ? aResponse().withStatus(500).withFixedDelay(100)
                        : aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("failed once"));

        launcher(4).launchDue(() -> true);
        List<Call> first = LOG.of(roundId);
        String afterFirst = ledger(roundId);
        String attemptsAfterFirst = attempts(roundId);
        String error = database.querySingle("SELECT min(last_error) AS e FROM deliveries WHERE round_id = :id::uuid "
                + "AND status = 'pending'", Params.of("id", roundId), r -> r.string("e"));
        retriesFallDue(roundId);
        launcher(4).launchDue(() -> true);

        assertThat(first).hasSize(4);
        assertThat(CallLog.maxInFlight(first)).isGreaterThan(1);
        // The three other calls' results are recorded; the failed call's 50 wait for their retry.
        assertThat(afterFirst).isEqualTo("pending:50,sent:150");
        assertThat(attemptsAfterFirst).isEqualTo("1x200");
        assertThat(error).contains(failure.equals("HTTP 500") ? "HTTP 500" : "could not be reached");
        List<Call> accepted = LOG.of(roundId).stream().filter(c -> c.status() == 200).toList();
        assertThat(accepted).hasSize(4);
        assertThat(new HashSet<>(CallLog.addressees(accepted))).hasSize(200);
        assertThat(CallLog.addressees(accepted)).hasSize(200);
        assertThat(ledger(roundId)).isEqualTo("sent:200");
    }

    @Test
    void aPauseLetsAtMostTheWaveInFlightGoOutAndAResumeSendsTheRestOnce() throws Exception {
        String roundId = dueRound(RoundFixtures.tag(), 600);
        mailjetAnswersIn(400);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                launcher(4).launchDue(() -> true);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "launcher");
        worker.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (LOG.of(roundId).isEmpty()) {
            assertThat(System.nanoTime()).as("waiting for the first Mailjet call").isLessThan(deadline);
            Thread.sleep(10);
        }
        Response paused = ApiCall.to(new CampaignsHandler(), "POST /rounds/{roundId}/pause", roundId).as("ed", "editor")
                .send();
        long pausedAt = System.nanoTime();
        worker.join(60_000);
        List<Call> beforeResume = LOG.of(roundId);
        String whilePaused = ledger(roundId);
        Response resumed = ApiCall.to(new CampaignsHandler(), "POST /rounds/{roundId}/resume", roundId)
                .as("boss", "approver").send();
        mailjetAnswersIn(0);
        launcher(4).launchDue(() -> true);

        assertThat(failure.get()).isNull();
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        // After the pause: no more than the one wave (4 calls) that was handed over before it.
        assertThat(beforeResume.stream().filter(c -> c.receivedNanos() > pausedAt)).hasSizeLessThanOrEqualTo(4);
        assertThat(beforeResume).hasSizeLessThan(12);
        assertThat(whilePaused).isEqualTo("pending:" + (600 - BATCH * beforeResume.size()) + ",sent:"
                + BATCH * beforeResume.size());
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        List<String> to = CallLog.addressees(LOG.of(roundId));
        assertThat(to).hasSize(600);
        assertThat(new HashSet<>(to)).hasSize(600);
        assertThat(ledger(roundId)).isEqualTo("sent:600");
    }

    @Test
    void aBadConcurrencyStopsTheFunctionAtStartNamingTheVariable() {
        for (String bad : List.of("0", "33", "eight")) {
            System.setProperty(SendSettings.CONCURRENCY, bad);
            try {
                assertThatThrownBy(() -> DaggerLaunchDueRoundsComponent.create().launcher())
                        .isInstanceOf(InvalidConfigurationException.class)
                        .hasMessageContaining(SendSettings.CONCURRENCY).hasMessageContaining(bad);
            } finally {
                System.clearProperty(SendSettings.CONCURRENCY);
            }
        }
        assertThat(DaggerLaunchDueRoundsComponent.create().launcher()).isNotNull();
    }

    /** One Mailjet send call: when WireMock received it and finished answering it (nanoTime), and what it said. */
    record Call(long receivedNanos, long completedNanos, int status, String body) {
        @Override
        public String toString() {
            return "Call[" + status + ", " + (completedNanos - receivedNanos) / 1_000_000 + " ms, "
                    + messages().size() + " messages]";
        }

        JsonNode messages() {
            try {
                return JSON.readTree(body).get("Messages");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Every send call WireMock served, with its timing: the request journal has no time of answer. */
    static final class CallLog implements ServeEventListener {
        private final Map<UUID, Long> received = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            received.put(event.getId(), System.nanoTime());
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            Long start = received.remove(event.getId());
            if (start != null && event.getRequest().getUrl().startsWith("/v3.1/send")) {
                // A fault (connection reset) answers no status at all: 0.
                boolean fault = event.getResponseDefinition() != null && event.getResponseDefinition().getFault() != null;
                int status = fault || event.getResponse() == null ? 0 : event.getResponse().getStatus();
                calls.add(new Call(start, System.nanoTime(), status, event.getRequest().getBodyAsString()));
            }
        }

        @Override
        public String getName() {
            return "send-call-log";
        }

        /** The calls for {@code roundId}, in the order they were received. */
        List<Call> of(String roundId) {
            List<Call> ours = new ArrayList<>();
            for (Call call : calls) {
                if (call.messages().get(0).get("CustomCampaign").asText().equals(roundId)) {
                    ours.add(call);
                }
            }
            ours.sort(Comparator.comparingLong(Call::receivedNanos));
            return ours;
        }

        static int maxInFlight(List<Call> calls) {
            int most = 0;
            for (Call call : calls) {
                long open = calls.stream().filter(c -> c.receivedNanos() <= call.receivedNanos()
                        && c.completedNanos() > call.receivedNanos()).count();
                most = Math.max(most, (int) open);
            }
            return most;
        }

        static List<String> addressees(List<Call> calls) {
            List<String> to = new ArrayList<>();
            calls.forEach(call -> call.messages().forEach(m -> to.add(m.get("To").get(0).get("Email").asText())));
            return to;
        }
    }
}
