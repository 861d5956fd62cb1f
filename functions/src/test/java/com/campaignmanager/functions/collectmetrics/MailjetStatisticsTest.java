package com.campaignmanager.functions.collectmetrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.campaigns.RoundMetrics;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.email.EmailModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CollectMetrics' second source: Mailjet's statcounters for each round's campaign (found by CustomCampaign = the
 * round id), with WireMock as Mailjet, over a database of its own.
 */
@ExtendWith(LocalDataApiExtension.class)
class MailjetStatisticsTest {
    private static WireMockServer mailjet;
    private static Database database;
    private static RoundMetrics metrics;

    @BeforeAll
    static void setUp() {
        mailjet = new WireMockServer(wireMockConfig().dynamicPort());
        mailjet.start();
        database = FunctionDatabase.fresh("statistics");
        metrics = new RoundMetrics(database, EmailModule.create(Environment.of(Map.of("EMAIL_PROVIDER", "mailjet",
                "MAILJET_API_KEY", "key", "MAILJET_API_SECRET", "secret", "MAILJET_API_URL", mailjet.baseUrl())),
                database));
    }

    @AfterAll
    static void stop() {
        mailjet.stop();
    }

    private static UUID sentRound(String provider, int messages) {
        UUID campaign = database.querySingle("INSERT INTO campaigns (name, from_email, created_by) VALUES "
                + "('Stats', 'n@example.com', 't') RETURNING id", Params.of(), r -> r.uuid("id"));
        UUID round = database.querySingle("INSERT INTO rounds (campaign_id, name, status, trigger, launched_at, "
                + "completed_at, recipients, sent, created_by) VALUES (:campaign, 'R', 'sent', 'schedule', now(), now(), "
                + ":n, :n, 't') RETURNING id", Params.of("campaign", campaign).put("n", messages), r -> r.uuid("id"));
        database.update("INSERT INTO deliveries (round_id, email, email_hash, status, provider, sent_at) "
                + "SELECT :round, 'r' || g || '@example.com', encode(sha256(('r' || g || :round::text)::bytea), 'hex'), "
                + "'sent', :provider, now() FROM generate_series(1, :n) g",
                Params.of("round", round).put("provider", provider).put("n", messages));
        return round;
    }

    private static void mailjetCampaign(UUID round, String body) {
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/campaign")).withQueryParam("CustomCampaign", equalTo(round.toString()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void theProvidersCountersAreStoredBesideTheLedgersAndFailuresLeaveTheLedgerAlone() {
        UUID counted = sentRound("mailjet", 3);
        UUID unknownToMailjet = sentRound("mailjet", 1);
        UUID failing = sentRound("mailjet", 1);
        UUID outboxRound = sentRound("outbox", 2);
        mailjetCampaign(counted, "{\"Count\":1,\"Data\":[{\"ID\":7001,\"CustomValue\":\"" + counted + "\"}],\"Total\":1}");
        mailjetCampaign(unknownToMailjet, "{\"Count\":0,\"Data\":[],\"Total\":0}");
        mailjetCampaign(failing, "{\"Count\":1,\"Data\":[{\"ID\":7003}],\"Total\":1}");
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/statcounters")).withQueryParam("SourceId", equalTo("7001"))
                .withQueryParam("CounterSource", equalTo("Campaign"))
                .withQueryParam("CounterResolution", equalTo("Lifetime"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"Count\":1,\"Data\":[{\"EventClickedCount\":6,\"EventOpenedCount\":11,"
                                + "\"MessageBlockedCount\":1,\"MessageClickedCount\":2,\"MessageHardBouncedCount\":1,"
                                + "\"MessageOpenedCount\":2,\"MessageSentCount\":3,\"MessageSoftBouncedCount\":0,"
                                + "\"MessageSpamCount\":1,\"MessageUnsubscribedCount\":1,\"SourceID\":7001,"
                                + "\"Timeslice\":\"\",\"Total\":4}],\"Total\":1}")));
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/statcounters")).withQueryParam("SourceId", equalTo("7003"))
                .willReturn(aResponse().withStatus(500)));

        RoundMetrics.Collected collected = metrics.collect();

        assertThat(collected.rounds()).isEqualTo(4);
        assertThat(collected.providerSnapshots()).isEqualTo(1);
        RoundMetrics.Figures figures = metrics.figures(database, counted);
        assertThat(figures.latest().source()).isEqualTo("ledger");
        assertThat(figures.latest().sent()).isEqualTo(3);
        RoundMetrics.Snapshot provider = figures.provider();
        assertThat(provider.source()).isEqualTo("mailjet");
        assertThat(provider.recipients()).isEqualTo(4);
        assertThat(provider.sent()).isEqualTo(3);
        assertThat(provider.failed()).isEqualTo(1);
        assertThat(provider.opens()).isEqualTo(11);
        assertThat(provider.uniqueOpens()).isEqualTo(2);
        assertThat(provider.clicks()).isEqualTo(6);
        assertThat(provider.bounces()).isEqualTo(1);
        assertThat(provider.complaints()).isEqualTo(1);
        assertThat(figures.history()).hasSize(2);
        assertThat(metrics.figures(database, unknownToMailjet).provider()).isNull();
        assertThat(metrics.figures(database, failing).provider()).isNull();
        assertThat(metrics.figures(database, failing).latest()).isNotNull();
        // Rounds that went through the outbox are not asked about.
        mailjet.verify(0, getRequestedFor(urlPathEqualTo("/v3/REST/campaign"))
                .withQueryParam("CustomCampaign", equalTo(outboxRound.toString())));
    }
}
