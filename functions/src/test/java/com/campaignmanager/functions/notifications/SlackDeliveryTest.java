package com.campaignmanager.functions.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.notifications.Audience;
import com.campaignmanager.shared.notifications.Inbox;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.NotificationChannels;
import com.campaignmanager.shared.notifications.NotificationDispatcher;
import com.campaignmanager.shared.notifications.NotificationType;
import com.campaignmanager.shared.notifications.Notifications;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound Slack deliveries against WireMock as the incoming webhook, over a database of their own (the
 * dispatcher takes every due delivery, and a revoked webhook switches the channel off for everyone).
 */
@ExtendWith(LocalDataApiExtension.class)
class SlackDeliveryTest {
    private static WireMockServer slack;
    private static Database database;
    private static Notifications notifications;
    private static NotificationDispatcher dispatcher;
    private static Inbox inbox;
    private static final Acting ADMIN = new Acting(new Caller("slack-admin", "admin@example.com", true,
            Set.of(Role.ADMIN), null), "slack-test");
    private static final ObjectMapper JSON = JsonMapper.create();
    /** Shaped like a real incoming-webhook path (/services/{team}/{bot}/{secret}). */
    private static final String WEBHOOK_PATH = "/services/T0TEAM0001/B0BOT00001/webhooksecret";

    @BeforeAll
    static void setUp() {
        slack = new WireMockServer(wireMockConfig().dynamicPort());
        slack.start();
        database = FunctionDatabase.fresh("slack");
        database.update("INSERT INTO team_members (email, name, role, slack_user_id) VALUES "
                + "('admin@example.com', 'Ada', 'admin', 'U0ADMIN'), ('ed@example.com', 'Ed', 'editor', NULL)",
                Params.of());
        NotificationChannels channels = new NotificationChannels(Optional.empty(),
                Optional.of(slack.baseUrl() + WEBHOOK_PATH), "https://campaigns.example.com");
        notifications = new Notifications(JSON, channels);
        dispatcher = new NotificationDispatcher(database, notifications, channels,
                EmailModule.create(Environment.of(Map.of()), database), JSON);
        inbox = new Inbox(database, JSON, new AuditTrail(JSON));
    }

    @AfterAll
    static void tearDown() {
        slack.stop();
    }

    @BeforeEach
    void reset() {
        slack.resetAll();
        inbox.enableChannel(ADMIN, "slack");
        // Whatever an earlier test left waiting is not this test's business.
        database.update("UPDATE notification_deliveries SET status = 'failed' WHERE status = 'pending'", Params.of());
    }

    private static UUID publish(String key) {
        return notifications.publish(database, new Notice(NotificationType.ROUND_FAILED, key,
                Notice.Severity.CRITICAL, "Failed: Round <1> & co", "It failed.", "round", key, Map.of(),
                Audience.roles(Role.EDITOR))).orElseThrow().id();
    }

    private static Map<String, Object> delivery(UUID notificationId) {
        return database.querySingle("SELECT status, attempts, coalesce(last_error, '') AS last_error, "
                        + "next_attempt_at > now() AS waiting FROM notification_deliveries "
                        + "WHERE notification_id = :id AND channel = 'slack'", Params.of("id", notificationId),
                r -> Map.of("status", r.string("status"), "attempts", r.intValue("attempts"),
                        "lastError", r.string("last_error"), "waiting", r.bool("waiting")));
    }

    private static void timePasses() {
        database.update("UPDATE notification_deliveries SET next_attempt_at = now() WHERE status = 'pending'",
                Params.of());
    }

    @Test
    void aRateLimitIsWaitedOutAndTheMessageDeliveredOnce() {
        slack.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("open")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("rate_limited")));
        slack.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        UUID id = publish("slack-429-" + UUID.randomUUID());
        UUID second = publish("slack-429-b-" + UUID.randomUUID());

        // The first post is told to wait; the second waits as long without being tried.
        assertThat(dispatcher.deliverDue()).isEqualTo(new NotificationDispatcher.Report(0, 2, 0, 0));
        slack.verify(1, postRequestedFor(urlPathEqualTo(WEBHOOK_PATH)));
        assertThat(delivery(second)).containsEntry("status", "pending").containsEntry("attempts", 0)
                .containsEntry("waiting", true);
        assertThat(delivery(id)).containsEntry("status", "pending").containsEntry("attempts", 0)
                .containsEntry("waiting", true);
        assertThat((String) delivery(id).get("lastError")).contains("429");
        // Not before Slack's Retry-After: a run now sends nothing.
        assertThat(dispatcher.deliverDue()).isEqualTo(new NotificationDispatcher.Report(0, 0, 0, 0));

        timePasses();
        assertThat(dispatcher.deliverDue()).isEqualTo(new NotificationDispatcher.Report(2, 0, 0, 0));
        assertThat(delivery(id)).containsEntry("status", "sent");
        assertThat(delivery(second)).containsEntry("status", "sent");
        assertThat(dispatcher.deliverDue()).isEqualTo(new NotificationDispatcher.Report(0, 0, 0, 0));
        // Each message once, after one refused try.
        slack.verify(3, postRequestedFor(urlPathEqualTo(WEBHOOK_PATH)));
        String sent = slack.getAllServeEvents().get(0).getRequest().getBodyAsString();
        // The audience's Slack ids are mentioned; Slack's control characters in the title are escaped.
        assertThat(sent).contains("<@U0ADMIN>").contains("Round &lt;1&gt; &amp; co")
                .contains("https://campaigns.example.com/rounds/");
    }

    @Test
    void aRevokedWebhookDisablesTheChannelAndTellsTheAdminsInApp() {
        slack.stubFor(post(urlPathEqualTo(WEBHOOK_PATH))
                .willReturn(aResponse().withStatus(410).withBody("no_service")));
        UUID first = publish("slack-410-a-" + UUID.randomUUID());
        UUID second = publish("slack-410-b-" + UUID.randomUUID());

        NotificationDispatcher.Report report = dispatcher.deliverDue();
        assertThat(report.disabled()).isEqualTo(2);
        // One request told us; the second message was not tried against a dead webhook.
        slack.verify(1, postRequestedFor(urlPathEqualTo(WEBHOOK_PATH)));
        assertThat(delivery(first)).containsEntry("status", "disabled");
        assertThat(delivery(second)).containsEntry("status", "disabled");
        long adminsTold = database.querySingle("SELECT count(*) AS n FROM notification_inbox i "
                + "JOIN notifications n ON n.id = i.notification_id JOIN team_members m ON m.id = i.member_id "
                + "WHERE n.type = 'slack.disabled' AND m.role = 'admin'", Params.of(), r -> r.longValue("n"));
        long othersTold = database.querySingle("SELECT count(*) AS n FROM notification_inbox i "
                + "JOIN notifications n ON n.id = i.notification_id JOIN team_members m ON m.id = i.member_id "
                + "WHERE n.type = 'slack.disabled' AND m.role <> 'admin'", Params.of(), r -> r.longValue("n"));
        assertThat(adminsTold).isEqualTo(1);
        assertThat(othersTold).isZero();

        // While it is off, nothing more is queued for Slack; in-app goes on.
        Notifications.Published later = notifications.publish(database, new Notice(NotificationType.ROUND_FAILED,
                "slack-410-c-" + UUID.randomUUID(), Notice.Severity.CRITICAL, "Later", "", null, null, Map.of(),
                Audience.roles(Role.EDITOR))).orElseThrow();
        assertThat(later.slackPosts()).isZero();
        assertThat(later.toldInApp()).isEqualTo(2);
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedWithBackoffThenGivenUp() {
        slack.stubFor(post(urlPathEqualTo(WEBHOOK_PATH))
                .willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));
        UUID id = publish("slack-timeout-" + UUID.randomUUID());
        assertThat(dispatcher.deliverDue().retrying()).isEqualTo(1);
        assertThat(delivery(id)).containsEntry("status", "pending").containsEntry("attempts", 1)
                .containsEntry("waiting", true);
        assertThat((String) delivery(id).get("lastError")).contains("no answer");

        slack.resetAll();
        slack.stubFor(post(urlPathEqualTo(WEBHOOK_PATH))
                .willReturn(aResponse().withStatus(500).withBody("internal")));
        for (int attempt = 2; attempt <= 6; attempt++) {
            timePasses();
            dispatcher.deliverDue();
        }
        assertThat(delivery(id)).containsEntry("status", "failed").containsEntry("attempts", 6);
        assertThat((String) delivery(id).get("lastError")).startsWith("500");
        long failedInLog = inbox.deliveries(ADMIN, "failed", new PageRequest(200, null)).items().stream()
                .filter(d -> d.notificationId().equals(id)).count();
        assertThat(failedInLog).isEqualTo(1);
    }

    @Test
    void overlappingRunsSendADeliveryOnce() throws Exception {
        slack.stubFor(post(urlPathEqualTo(WEBHOOK_PATH))
                .willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(200)));
        for (int i = 0; i < 5; i++) {
            publish("slack-overlap-" + i + "-" + UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<NotificationDispatcher.Report>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(dispatcher::deliverDue);
        }
        int sent = 0;
        for (Future<NotificationDispatcher.Report> run : pool.invokeAll(runs)) {
            sent += run.get().sent();
        }
        pool.shutdown();
        assertThat(sent).isEqualTo(5);
        slack.verify(5, postRequestedFor(urlPathEqualTo(WEBHOOK_PATH)));
    }

    @Test
    void membersWhoWantEmailGetItThroughTheEmailProvider() {
        // The approver wants e-mail for approval requests; the editor has switched them off.
        database.update("INSERT INTO team_members (email, role, preferences) VALUES "
                + "('mail-approver@example.com', 'approver', '{}'), ('mail-editor@example.com', 'editor', "
                + "'{\"approval.requested\": {\"email\": false}}')", Params.of());
        NotificationChannels withEmail = new NotificationChannels(Optional.of("team@example.com"), Optional.empty(), "");
        Notifications publisher = new Notifications(JSON, withEmail);
        NotificationDispatcher mailer = new NotificationDispatcher(database, publisher, withEmail,
                EmailModule.create(Environment.of(Map.of()), database), JSON);
        inbox = new Inbox(database, JSON, new AuditTrail(JSON));
        String key = "mail-" + UUID.randomUUID();
        Notifications.Published published = publisher.publish(database, new Notice(NotificationType.APPROVAL_REQUESTED,
                key, Notice.Severity.INFO, "Approval requested: Round 2", "Please look.", "round", key, Map.of(),
                Audience.roles(Role.APPROVER, Role.EDITOR))).orElseThrow();
        // The admin, the approver and the first editor by default; the second editor opted out.
        assertThat(published.emails()).isEqualTo(3);

        assertThat(mailer.deliverDue().sent()).isEqualTo(3);
        List<String> recipients = database.query("SELECT to_email FROM outbox_messages WHERE subject = "
                + "'Approval requested: Round 2' ORDER BY to_email", Params.of(), r -> r.string("to_email"));
        assertThat(recipients).containsExactly("admin@example.com", "ed@example.com", "mail-approver@example.com");
    }

    @Test
    void aFunctionWithoutTheWebhookConfiguredFailsTheDeliveryButSwitchesNothingOff() {
        UUID id = publish("slack-unconfigured-" + UUID.randomUUID());
        NotificationChannels none = new NotificationChannels(Optional.empty(), Optional.empty(), "");
        NotificationDispatcher unconfigured = new NotificationDispatcher(database, new Notifications(JSON, none), none,
                EmailModule.create(Environment.of(Map.of()), database), JSON);
        inbox = new Inbox(database, JSON, new AuditTrail(JSON));

        assertThat(unconfigured.deliverDue().failed()).isEqualTo(1);
        assertThat(delivery(id)).containsEntry("status", "failed");
        assertThat((String) delivery(id).get("lastError")).contains("SLACK_WEBHOOK_URL");
        long disabled = database.querySingle("SELECT count(*) AS n FROM notification_channels "
                + "WHERE disabled_at IS NOT NULL", Params.of(), r -> r.longValue("n"));
        assertThat(disabled).isZero();
        slack.verify(0, postRequestedFor(urlPathEqualTo(WEBHOOK_PATH)));
    }
}
