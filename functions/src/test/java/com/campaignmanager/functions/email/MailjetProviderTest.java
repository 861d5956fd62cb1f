package com.campaignmanager.functions.email;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.shared.email.MailjetProvider;
import com.campaignmanager.shared.email.MailjetSettings;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.OutgoingMessage.Addressee;
import com.campaignmanager.shared.email.OutgoingMessage.Content;
import com.campaignmanager.shared.email.OutgoingMessage.Sender;
import com.campaignmanager.shared.email.ProviderCheck;
import com.campaignmanager.shared.email.SendResult;
import com.campaignmanager.shared.email.SendResult.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Mailjet adapter against a real HTTP server (WireMock) answering as Send API v3.1 does. */
class MailjetProviderTest {
    private static final String SEND = "/v3.1/send";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("public-key:private-key".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer mailjet;

    @BeforeAll
    static void start() {
        mailjet = new WireMockServer(wireMockConfig().dynamicPort());
        mailjet.start();
    }

    @AfterAll
    static void stop() {
        mailjet.stop();
    }

    @BeforeEach
    void reset() {
        mailjet.resetAll();
    }

    private static MailjetProvider provider(boolean sandbox) {
        return new MailjetProvider(new MailjetSettings("public-key", "private-key", mailjet.baseUrl(), sandbox,
                Duration.ofSeconds(2), Duration.ofMillis(500)), JSON);
    }

    private static OutgoingMessage message(String customId) {
        return new OutgoingMessage(customId, new Sender("news@example.org", "Example News", "reply@example.org"),
                new Addressee(customId + "@example.com", "Reader " + customId),
                new Content("Hello", "<p>Hello</p>", "Hello"), "round-7",
                Map.of("List-Unsubscribe", "<https://example.org/u/" + customId + ">"), false);
    }

    private static String success(String email, long messageId) {
        return "{\"Status\":\"success\",\"CustomID\":\"\",\"To\":[{\"Email\":\"" + email + "\",\"MessageUUID\":\"uuid-"
                + messageId + "\",\"MessageID\":" + messageId + ",\"MessageHref\":\"https://api.mailjet.com/v3/REST/"
                + "message/" + messageId + "\"}],\"Cc\":[],\"Bcc\":[]}";
    }

    private static JsonNode body(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    @Test
    void sendsABatchAndAnswersEachMessageWithItsMessageId() throws Exception {
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Messages\":[" + success("d-1@example.com", 1001) + ","
                        + success("d-2@example.com", 1002) + "]}")));

        List<SendResult> results = provider(false).send(List.of(message("d-1"), message("d-2")));

        assertThat(results).containsExactly(SendResult.sent("d-1", "1001"), SendResult.sent("d-2", "1002"));
        mailjet.verify(1, postRequestedFor(urlEqualTo(SEND)).withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", containing("application/json")));
        JsonNode request = body(mailjet.findAll(postRequestedFor(urlEqualTo(SEND))).get(0));
        assertThat(request.has("SandboxMode")).isFalse();
        JsonNode first = request.get("Messages").get(0);
        assertThat(first.get("From").get("Email").asText()).isEqualTo("news@example.org");
        assertThat(first.get("From").get("Name").asText()).isEqualTo("Example News");
        assertThat(first.get("To").get(0).get("Email").asText()).isEqualTo("d-1@example.com");
        assertThat(first.get("ReplyTo").get("Email").asText()).isEqualTo("reply@example.org");
        assertThat(first.get("HTMLPart").asText()).isEqualTo("<p>Hello</p>");
        assertThat(first.get("TextPart").asText()).isEqualTo("Hello");
    }

    @Test
    void theRequestBodyIsExactlyTheSendApiPayload() {
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(200)
                .withBody("{\"Messages\":[" + success("d-1@example.com", 1) + ","
                        + success("t@example.com", 2) + "]}")));
        OutgoingMessage test = new OutgoingMessage("t-1", new Sender("news@example.org", null, null),
                new Addressee("t@example.com", null), new Content("Proof", null, "text"), "round-7", null, true);

        provider(true).send(List.of(message("d-1"), test));

        // Every field in its place, byte for byte: a field moved to the wrong slot shows here.
        assertThat(mailjet.findAll(postRequestedFor(urlEqualTo(SEND))).get(0).getBodyAsString()).isEqualTo("{"
                + "\"Messages\":[{\"From\":{\"Email\":\"news@example.org\",\"Name\":\"Example News\"},"
                + "\"To\":[{\"Email\":\"d-1@example.com\",\"Name\":\"Reader d-1\"}],"
                + "\"ReplyTo\":{\"Email\":\"reply@example.org\"},\"Subject\":\"Hello\",\"TextPart\":\"Hello\","
                + "\"HTMLPart\":\"<p>Hello</p>\",\"CustomID\":\"d-1\",\"CustomCampaign\":\"round-7\","
                + "\"DeduplicateCampaign\":true,\"Headers\":{\"List-Unsubscribe\":\"<https://example.org/u/d-1>\"}},"
                + "{\"From\":{\"Email\":\"news@example.org\"},\"To\":[{\"Email\":\"t@example.com\"}],"
                + "\"Subject\":\"Proof\",\"TextPart\":\"text\",\"CustomID\":\"t-1\","
                + "\"CustomCampaign\":\"round-7-test\",\"DeduplicateCampaign\":false}],"
                + "\"SandboxMode\":true}");
    }

    @Test
    void aPartlyFailedBatchReportsEachMessageOnItsOwn() throws Exception {
        // Mailjet answers 400 when any message of the call failed, and still delivers the others.
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Messages\":[" + success("d-1@example.com", 2001) + ","
                        + "{\"Status\":\"error\",\"Errors\":[{\"ErrorIdentifier\":\"e-1\",\"ErrorCode\":\"mj-0013\","
                        + "\"StatusCode\":400,\"ErrorMessage\":\"\\\"bad@\\\" is an invalid email address.\","
                        + "\"ErrorRelatedTo\":[\"To[0].Email\"]}]},"
                        + "{\"Status\":\"error\",\"Errors\":[{\"ErrorIdentifier\":\"e-2\",\"ErrorCode\":\"mj-0000\","
                        + "\"StatusCode\":503,\"ErrorMessage\":\"temporarily unavailable\",\"ErrorRelatedTo\":[]}]}"
                        + "]}")));

        List<SendResult> results = provider(true).send(List.of(message("d-1"), message("d-2"), message("d-3")));

        assertThat(results).extracting(SendResult::customId).containsExactly("d-1", "d-2", "d-3");
        assertThat(results).extracting(SendResult::outcome)
                .containsExactly(Outcome.SENT, Outcome.REJECTED, Outcome.RETRYABLE);
        assertThat(results.get(0).providerMessageId()).isEqualTo("2001");
        assertThat(results.get(1).error()).contains("mj-0013", "invalid email address", "To[0].Email");
        assertThat(results.get(2).error()).contains("503");

        JsonNode request = body(mailjet.findAll(postRequestedFor(urlEqualTo(SEND))).get(0));
        assertThat(request.get("SandboxMode").asBoolean()).isTrue();
        assertThat(request.get("Messages")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode sent = request.get("Messages").get(i);
            assertThat(sent.get("CustomID").asText()).isEqualTo("d-" + (i + 1));
            assertThat(sent.get("CustomCampaign").asText()).isEqualTo("round-7");
            assertThat(sent.get("DeduplicateCampaign").asBoolean()).isTrue();
            assertThat(sent.get("Headers").get("List-Unsubscribe").asText())
                    .isEqualTo("<https://example.org/u/d-" + (i + 1) + ">");
        }
    }

    @Test
    void refusedCredentialsRejectEveryMessageLoudly() {
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(401)
                .withBody("{\"ErrorIdentifier\":\"x\",\"StatusCode\":401,\"ErrorMessage\":\"API key authentication"
                        + "/authorization failure.\"}")));

        List<SendResult> results = provider(false).send(List.of(message("d-1"), message("d-2")));

        assertThat(results).extracting(SendResult::outcome).containsOnly(Outcome.REJECTED);
        assertThat(results).allSatisfy(r -> assertThat(r.error())
                .contains("refused the credentials", "MAILJET_API_KEY"));
    }

    @Test
    void rateLimitingMakesTheBatchRetryableAndSaysWhen() {
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody("{\"ErrorMessage\":\"Too many requests\",\"StatusCode\":429}")));

        List<SendResult> results = provider(false).send(List.of(message("d-1")));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.RETRYABLE);
            assertThat(r.error()).contains("429", "Retry-After: 30");
            assertThat(r.retryAfter()).isEqualTo(java.time.Duration.ofSeconds(30));
        });
    }

    @Test
    void aRetryAfterIsReadAsSecondsOrADateWithinBoundsAndDefaultsToFiveSeconds() {
        String inAMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(61));

        assertThat(retryAfterWhenMailjetSays(null)).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(retryAfterWhenMailjetSays("soon")).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(retryAfterWhenMailjetSays("0")).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(retryAfterWhenMailjetSays("999999")).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(retryAfterWhenMailjetSays(inAMinute)).isBetween(java.time.Duration.ofSeconds(55),
                java.time.Duration.ofSeconds(61));
    }

    private java.time.Duration retryAfterWhenMailjetSays(String header) {
        mailjet.resetAll();
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(header == null ? aResponse().withStatus(429)
                : aResponse().withStatus(429).withHeader("Retry-After", header)));
        return provider(false).send(List.of(message("d-1"))).get(0).retryAfter();
    }

    @Test
    void aServerErrorMakesTheBatchRetryable() {
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(500)
                .withBody("{\"ErrorIdentifier\":\"D4DF\",\"ErrorMessage\":\"Internal Server Error\"}")));

        List<SendResult> results = provider(false).send(List.of(message("d-1"), message("d-2")));

        assertThat(results).extracting(SendResult::outcome).containsOnly(Outcome.RETRYABLE);
        assertThat(results.get(0).error()).contains("500", "Internal Server Error");
    }

    @Test
    void noAnswerWithinTheReadTimeoutMakesTheBatchRetryable() {
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(200).withFixedDelay(1_500)
                .withBody("{\"Messages\":[" + success("d-1@example.com", 1) + "]}")));

        long started = System.nanoTime();
        List<SendResult> results = provider(false).send(List.of(message("d-1")));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_400));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.RETRYABLE);
            assertThat(r.error()).contains("no answer", "DeduplicateCampaign");
        });
    }

    @Test
    void moreThanFiftyMessagesAreSplitIntoCallsOfFiftyInOrder() throws Exception {
        List<OutgoingMessage> messages = IntStream.rangeClosed(1, 120).mapToObj(i -> message("m-" + i)).toList();
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(200)
                .withBody(successes(50))));
        mailjet.stubFor(post(urlEqualTo(SEND)).withRequestBody(
                        containing("\"m-101\""))
                .willReturn(aResponse().withStatus(200).withBody(successes(20))));

        List<SendResult> results = provider(false).send(messages);

        assertThat(results).hasSize(120).extracting(SendResult::outcome).containsOnly(Outcome.SENT);
        assertThat(results).extracting(SendResult::customId)
                .isEqualTo(messages.stream().map(OutgoingMessage::customId).toList());
        List<LoggedRequest> calls = mailjet.findAll(postRequestedFor(urlEqualTo(SEND)));
        assertThat(calls).hasSize(3);
        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest call : calls) {
            sizes.add(body(call).get("Messages").size());
        }
        assertThat(sizes).containsExactlyInAnyOrder(50, 50, 20);
    }

    @Test
    void afterARateLimitTheRemainingCallsAreNotAttempted() {
        List<OutgoingMessage> messages = IntStream.rangeClosed(1, 60).mapToObj(i -> message("m-" + i)).toList();
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(429)));

        List<SendResult> results = provider(false).send(messages);

        assertThat(results).hasSize(60).extracting(SendResult::outcome).containsOnly(Outcome.RETRYABLE);
        assertThat(results.get(55).error()).startsWith("not attempted");
        mailjet.verify(1, postRequestedFor(urlEqualTo(SEND)));
    }

    @Test
    void testSendsUseTheirOwnCampaignWithoutDeduplication() throws Exception {
        mailjet.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(200)
                .withBody("{\"Messages\":[" + success("t@example.com", 7) + "]}")));
        OutgoingMessage test = new OutgoingMessage("t-1", new Sender("news@example.org", null, null),
                new Addressee("t@example.com", null), new Content("Proof", null, "text"), "round-7", null, true);

        assertThat(provider(false).send(List.of(test))).containsExactly(SendResult.sent("t-1", "7"));

        JsonNode sent = body(mailjet.findAll(postRequestedFor(urlEqualTo(SEND))).get(0)).get("Messages").get(0);
        assertThat(sent.get("CustomCampaign").asText()).isEqualTo("round-7-test");
        assertThat(sent.get("DeduplicateCampaign").asBoolean()).isFalse();
        assertThat(sent.has("HTMLPart")).isFalse();
        assertThat(sent.has("ReplyTo")).isFalse();
        assertThat(sent.has("Headers")).isFalse();
    }

    @Test
    void withoutCredentialsNothingIsCalled() {
        MailjetProvider unconfigured = new MailjetProvider(new MailjetSettings(null, null, mailjet.baseUrl(), false,
                null, null), JSON);

        assertThat(unconfigured.send(List.of(message("d-1")))).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.REJECTED));
        assertThat(unconfigured.check().configured()).isFalse();
        assertThat(mailjet.getAllServeEvents()).isEmpty();
    }

    @Test
    void checkIsReachableWhenMailjetAcceptsTheCredentials() {
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).willReturn(aResponse().withStatus(200)
                .withBody("{\"Count\":1,\"Data\":[],\"Total\":1}")));

        ProviderCheck check = provider(false).check();

        assertThat(check.configured()).isTrue();
        assertThat(check.reachable()).isTrue();
        mailjet.verify(getRequestedFor(urlPathEqualTo("/v3/REST/apikey")).withHeader("Authorization", equalTo(BASIC)));
    }

    @Test
    void checkIsNotReachableWhenCredentialsAreRefusedOrNobodyAnswers() throws Exception {
        mailjet.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).willReturn(aResponse().withStatus(401)));
        ProviderCheck refused = provider(false).check();
        assertThat(refused.configured()).isTrue();
        assertThat(refused.reachable()).isFalse();
        assertThat(refused.detail()).contains("refused the credentials");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderCheck unreachable = new MailjetProvider(new MailjetSettings("k", "s", "http://127.0.0.1:" + closedPort,
                false, null, null), JSON).check();
        assertThat(unreachable.configured()).isTrue();
        assertThat(unreachable.reachable()).isFalse();
        assertThat(unreachable.detail()).contains("unreachable");
    }

    private static String successes(int count) {
        StringBuilder body = new StringBuilder("{\"Messages\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append(success("x@example.com", 5000 + i));
        }
        return body.append("]}").toString();
    }
}
