package com.campaignmanager.functions.healthmonitor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleEvents;
import com.campaignmanager.shared.aws.SqsQueues;
import com.campaignmanager.shared.aws.SqsSettings;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

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

    @Test
    void sendsGetQueueAttributesAsTheSqsJsonProtocolSignedWithSigV4() throws Exception {
        sqs.resetRequests();

        new HealthMonitorHandler().handleRequest(SampleEvents.open("events/health-monitor/scheduled.json"),
                new ByteArrayOutputStream(), null);

        var requests = sqs.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(requests).hasSize(1);
        var request = requests.get(0);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(request.getHeader("X-Amz-Target")).isEqualTo("AmazonSQS.GetQueueAttributes");
        assertThat(request.getHeader("X-Amz-Date")).matches("\\d{8}T\\d{6}Z");
        // SigV4 for SQS in the function's region, over the target header and the payload's hash.
        assertThat(request.getHeader("Authorization"))
                .matches("AWS4-HMAC-SHA256 Credential=\\w+/\\d{8}/us-east-1/sqs/aws4_request, "
                        + "SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}");
        assertThat(request.getHeader("x-amz-content-sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(request.getBody())));
        JsonNode body = new ObjectMapper().readTree(request.getBodyAsString());
        assertThat(body.get("QueueUrl").asText()).isEqualTo(QUEUE_URL);
        assertThat(body.get("AttributeNames").toString()).isEqualTo("[\"ApproximateNumberOfMessages\"]");
    }

    @Test
    void aQueueSqsDoesNotKnowLeavesTheCountOut() throws Exception {
        String missing = "https://sqs.us-east-1.amazonaws.com/000000000000/gone";
        sqs.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing(missing))
                .willReturn(aResponse().withStatus(400)
                        .withHeader("content-type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\","
                                + "\"message\":\"The specified queue does not exist.\"}")));
        SqsQueues queues = new SqsQueues(new SqsSettings("us-east-1", Optional.of(URI.create(sqs.baseUrl()))),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                UrlConnectionHttpClient.create(), new ObjectMapper());
        DeadLetterQueue queue = new DeadLetterQueue(new DeadLetterQueueSettings(Optional.of(URI.create(missing))),
                () -> queues);

        assertThat(queue.depth()).isEmpty();
        assertThatThrownBy(() -> queues.approximateNumberOfMessages(missing))
                .isInstanceOf(SqsQueues.SqsCallException.class)
                .hasMessageContaining("400").hasMessageContaining("QueueDoesNotExist");
    }
}
