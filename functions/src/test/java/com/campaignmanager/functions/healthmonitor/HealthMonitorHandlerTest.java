package com.campaignmanager.functions.healthmonitor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleEvents;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduled health monitor, with a real HTTP server (WireMock) standing in for SQS. */
@ExtendWith(LocalDataApiExtension.class)
class HealthMonitorHandlerTest {
    private static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/000000000000/jobs-dlq";
    private static WireMockServer sqs;

    @BeforeAll
    static void environment() {
        FunctionEnvironment.migrate();
        sqs = new WireMockServer(wireMockConfig().dynamicPort());
        sqs.start();
        sqs.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AmazonSQS.GetQueueAttributes"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("content-type", "application/x-amz-json-1.0")
                        .withBody("{\"Attributes\":{\"ApproximateNumberOfMessages\":\"3\"}}")));
        System.setProperty(DeadLetterQueueSettings.QUEUE_URL, QUEUE_URL);
        System.setProperty("SQS_ENDPOINT", sqs.baseUrl());
    }

    @AfterAll
    static void stop() {
        sqs.stop();
    }

    @Test
    void reportsDatabaseHealthAndDeadLetteredRuns() throws Exception {
        byte[] event = Files.readAllBytes(Path.of("..", "events", "health-monitor", "scheduled.json"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new HealthMonitorHandler().handleRequest(new ByteArrayInputStream(event), out, null);

        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("status").asText()).isEqualTo("ok");
        assertThat(report.get("database").get("status").asText()).isEqualTo("ok");
        assertThat(report.get("deadLetteredJobs").asLong()).isEqualTo(3);
        assertThat(report.get("overdueRounds").isNumber()).isTrue();
    }

    @Test
    void countsRoundsThatShouldHaveGoneOutButDidNot() throws Exception {
        var dataApi = LocalDataApiExtension.dataApi();
        try (var db = java.sql.DriverManager.getConnection(dataApi.jdbcUrl(FunctionEnvironment.install()),
                dataApi.user(), dataApi.password())) {
            db.setAutoCommit(false);
            try (var statement = db.createStatement()) {
                statement.executeUpdate("INSERT INTO campaigns (id, name, from_email, created_by) VALUES "
                        + "('00000000-0000-0000-0000-00000000c0de', 'Overdue', 'a@b.co', 'test')");
                statement.executeUpdate("INSERT INTO rounds (campaign_id, name, status, scheduled_at, approved_by, "
                        + "approved_at, created_by) VALUES ('00000000-0000-0000-0000-00000000c0de', 'Late', 'scheduled',"
                        + " now() - interval '10 minutes', 'boss', now(), 'test')");
            }
            db.commit();
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new HealthMonitorHandler().handleRequest(SampleEvents.open("events/health-monitor/scheduled.json"),
                        out, null);

                assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("overdueRounds")
                        .asLong()).isGreaterThanOrEqualTo(1);
            } finally {
                try (var statement = db.createStatement()) {
                    statement.executeUpdate("DELETE FROM rounds WHERE campaign_id = '00000000-0000-0000-0000-00000000c0de'");
                    statement.executeUpdate("DELETE FROM campaigns WHERE id = '00000000-0000-0000-0000-00000000c0de'");
                }
                db.commit();
            }
        }
        sqs.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("\"QueueUrl\":\"" + QUEUE_URL + "\""))
                .withRequestBody(containing("ApproximateNumberOfMessages")));
    }
}
