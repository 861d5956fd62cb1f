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
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.RoundFixtures;
import com.campaignmanager.local.dataapi.LocalDataApi;
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
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.email.EmailProvider;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.notifications.NotificationChannels;
import com.campaignmanager.shared.notifications.Notifications;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Mailjet batch that partly fails, through the launch job's code with WireMock as Mailjet: only the failed
 * message is sent again, once its retry is due, and nobody gets two messages.
 */
@ExtendWith(LocalDataApiExtension.class)
class MailjetPartialFailureTest {
    private static final ObjectMapper JSON = JsonMapper.create();
    private static WireMockServer mailjet;
    private static RoundLauncher launcher;
    private static String database;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        database = FunctionEnvironment.install();
        mailjet = new WireMockServer(wireMockConfig().dynamicPort());
        mailjet.start();
        Database db = FunctionDatabase.get();
        EmailProvider provider = EmailModule.create(Environment.of(Map.of("EMAIL_PROVIDER", "mailjet",
                "MAILJET_API_KEY", "key", "MAILJET_API_SECRET", "secret", "MAILJET_API_URL", mailjet.baseUrl())), db);
        launcher = new RoundLauncher(db, provider,
                new UnsubscribeTokens(UnsubscribeSigningKey.from(Environment.system())), new AuditTrail(JSON),
                new Preflight(new RoundRepository(JSON), new CampaignRepository(), provider, JSON, SenderDomains.ANY), JSON,
                new Notifications(JSON, NotificationChannels.from(Environment.of(Map.of()))),
                new PublicApiUrl("https://api.test.example"), new DeliveryLedger(),
                new ProviderCalls(provider, SendSettings.from(Environment.of(Map.of()))));
    }

    @AfterAll
    static void stop() {
        mailjet.stop();
    }

    private static void execute(String sql, Object... args) throws Exception {
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        try (Connection db = DriverManager.getConnection(dataApi.jdbcUrl(database), dataApi.user(), dataApi.password());
             PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String queryString(String sql, Object... args) throws Exception {
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        try (Connection db = DriverManager.getConnection(dataApi.jdbcUrl(database), dataApi.user(), dataApi.password());
             PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String success(String id) {
        return "{\"Status\":\"success\",\"To\":[{\"Email\":\"x@x.com\",\"MessageUUID\":\"u-" + id + "\",\"MessageID\":" + id
                + ",\"MessageHref\":\"https://api.mailjet.com/v3/REST/message/" + id + "\"}]}";
    }

    @Test
    void onlyTheFailedMessageOfABatchIsSentAgain() throws Exception {
        mailjet.resetAll();
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json").withBody("{\"Count\":1,\"Data\":[{}],\"Total\":1}")));
        mailjet.stubFor(post(urlPathEqualTo("/v3.1/send")).inScenario("partial").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("content-type", "application/json")
                        .withBody("{\"Messages\":[" + success("111") + ",{\"Status\":\"error\",\"Errors\":[{"
                                + "\"ErrorIdentifier\":\"e1\",\"ErrorCode\":\"send-0003\",\"StatusCode\":500,"
                                + "\"ErrorMessage\":\"internal error\",\"ErrorRelatedTo\":[]}]}]}"))
                .willSetStateTo("retried"));
        mailjet.stubFor(post(urlPathEqualTo("/v3.1/send")).inScenario("partial").whenScenarioStateIs("retried")
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "application/json")
                        .withBody("{\"Messages\":[" + success("222") + "]}")));

        String tag = RoundFixtures.tag();
        UUID round = dueRound(tag, fixtures().list(tag, 2));
        String roundId = round.toString();

        launcher.launchDue(() -> true);
        String afterFirst = queryString("SELECT status FROM rounds WHERE id = ?", round);
        // The retry is due and the worker's lease is over (as after its wait): the next run takes the round up.
        execute("UPDATE deliveries SET next_attempt_at = now() - interval '1 second' WHERE round_id = ? AND status = "
                + "'pending'", round);
        execute("UPDATE rounds SET lease_expires_at = now() - interval '1 second' WHERE id = ?", round);
        launcher.launchDue(() -> true);

        List<LoggedRequest> sends = mailjet.findAll(postRequestedFor(urlPathEqualTo("/v3.1/send")));
        JsonNode first = JSON.readTree(sends.get(0).getBodyAsString()).get("Messages");
        JsonNode second = JSON.readTree(sends.get(1).getBodyAsString()).get("Messages");
        assertThat(afterFirst).isEqualTo("sending");
        assertThat(sends).hasSize(2);
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("CustomID").asText()).isEqualTo(first.get(1).get("CustomID").asText());
        assertThat(first.get(0).get("CustomCampaign").asText()).isEqualTo(roundId);
        assertThat(queryString("SELECT status FROM rounds WHERE id = ?", round)).isEqualTo("sent");
        assertThat(queryString("SELECT string_agg(status || ':' || attempts || ':' || provider_message_id, ',' ORDER BY "
                + "provider_message_id) FROM deliveries WHERE round_id = ?", round)).isEqualTo("sent:1:111,sent:2:222");
    }

    private static final String APIKEY_OK = "{\"Count\":1,\"Data\":[{}],\"Total\":1}";

    private static RoundFixtures fixtures() {
        return new RoundFixtures(new CampaignsHandler(), new ListsHandler());
    }

    /** An approved round to {@code listId}, due now. */
    private static UUID dueRound(String tag, String listId) throws Exception {
        RoundFixtures fixtures = fixtures();
        UUID round = UUID.fromString(fixtures.approvedRound(fixtures.campaign(tag), listId));
        execute("UPDATE rounds SET scheduled_at = now() - interval '1 minute' WHERE id = ?", round);
        return round;
    }

    @Test
    void aRoundTakenUpAgainContinuesFromItsLedgerWhateverHappenedSince() throws Exception {
        mailjet.resetAll();
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "application/json")
                        .withBody(APIKEY_OK)));
        mailjet.stubFor(post(urlPathEqualTo("/v3.1/send")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("down"));
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).inScenario("outage").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503)));
        mailjet.stubFor(post(urlPathEqualTo("/v3.1/send")).inScenario("outage").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "application/json")
                        .withBody("{\"Messages\":[" + success("301") + "," + success("302") + "]}")));
        String tag = RoundFixtures.tag();
        String listId = fixtures().list(tag, 2);
        UUID round = dueRound(tag, listId);

        launcher.launchDue(() -> true);
        assertThat(queryString("SELECT status FROM rounds WHERE id = ?", round)).isEqualTo("sending");
        // Meanwhile: the list is emptied, someone new joins it, and Mailjet's check answers 503.
        execute("DELETE FROM list_members WHERE list_id = ?", UUID.fromString(listId));
        ApiCall.to(new ListsHandler(), "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", "late-" + tag + "@x.com")).send();
        execute("UPDATE deliveries SET next_attempt_at = now() - interval '1 second' WHERE round_id = ?", round);
        execute("UPDATE rounds SET lease_expires_at = now() - interval '1 second' WHERE id = ?", round);
        launcher.launchDue(() -> true);

        assertThat(queryString("SELECT status FROM rounds WHERE id = ?", round)).isEqualTo("sent");
        assertThat(queryString("SELECT string_agg(split_part(email, '-', 1) || ':' || status, ',' ORDER BY email)"
                + " FROM deliveries WHERE round_id = ?", round)).isEqualTo("one:sent,two:sent");
    }

    @Test
    void aProviderBrieflyUnavailableAtLaunchPutsTheLaunchOffInsteadOfFailingIt() throws Exception {
        mailjet.resetAll();
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).inScenario("blip").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("back"));
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).inScenario("blip").whenScenarioStateIs("back")
                .willReturn(aResponse().withStatus(200).withHeader("content-type", "application/json")
                        .withBody(APIKEY_OK)));
        mailjet.stubFor(post(urlPathEqualTo("/v3.1/send")).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json")
                .withBody("{\"Messages\":[" + success("401") + "," + success("402") + "]}")));
        String tag = RoundFixtures.tag();
        UUID round = dueRound(tag, fixtures().list(tag, 2));

        launcher.launchDue(() -> true);
        String afterBlip = queryString("SELECT status || ':' || (launched_at IS NULL) || ':' || "
                + "(SELECT count(*) FROM deliveries d WHERE d.round_id = r.id) FROM rounds r WHERE id = ?", round);
        String deferred = queryString("SELECT count(*) FROM audit_events WHERE entity_id = ? AND action = "
                + "'round.launch_deferred'", round.toString());
        execute("UPDATE rounds SET lease_expires_at = now() - interval '1 second' WHERE id = ?", round);
        launcher.launchDue(() -> true);

        assertThat(afterBlip).isEqualTo("scheduled:true:0");
        assertThat(deferred).isEqualTo("1");
        assertThat(queryString("SELECT status FROM rounds WHERE id = ?", round)).isEqualTo("sent");
    }
}
