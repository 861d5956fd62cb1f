package com.campaignmanager.shared.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mailjet's Send API v3.1 ({@code POST /v3.1/send}), at most 50 messages a call; a longer list is split into
 * calls of 50 here, so callers may batch by {@link #maxBatchSize()} or not at all.
 *
 * <p>Each answer is mapped per message, because Mailjet processes the messages of a call independently: a call can
 * deliver some and refuse others (it then answers HTTP 400 with a per-message {@code Status}). Retrying the whole
 * call would mail the delivered ones twice, so only the failed messages come back as RETRYABLE or REJECTED.
 *
 * <p>Whole-call failures: refused credentials (401/403) reject every message, loudly, since retrying cannot help;
 * 429, 5xx and no answer at all make every message RETRYABLE (a 429's results carry its {@code Retry-After}, so
 * that the caller starts no new call before it has passed). Resending after no answer is safe because each
 * message carries its round as {@code CustomCampaign} with {@code DeduplicateCampaign}: Mailjet does not deliver a
 * second message of the campaign to the same address. Once one call fails as a whole, the remaining calls of the
 * same {@link #send} are not attempted (a Lambda should not wait out one timeout per 50 messages).
 *
 * <p>HTTP through {@link HttpURLConnection}: java.net.http costs about 0.6 s of cold start.
 */
public final class MailjetProvider implements EmailProvider {
    public static final String NAME = "mailjet";
    static final int MAX_MESSAGES = 50;
    static final String SEND_PATH = "/v3.1/send";
    /** The cheapest authenticated read: the key's own record. */
    static final String CHECK_PATH = "/v3/REST/apikey?Limit=1";
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    static final String CAMPAIGN_PATH = "/v3/REST/campaign?CustomCampaign=";
    static final String STATCOUNTERS_PATH =
            "/v3/REST/statcounters?CounterSource=Campaign&CounterTiming=Message&CounterResolution=Lifetime&SourceId=";
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    /** Test sends get their own campaign, so that they neither count in the round's statistics nor dedupe it. */
    static final String TEST_CAMPAIGN_SUFFIX = "-test";

    private static final Logger LOG = LoggerFactory.getLogger(MailjetProvider.class);

    private final MailjetSettings settings;
    private final ObjectMapper json;

    public MailjetProvider(MailjetSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int maxBatchSize() {
        return MAX_MESSAGES;
    }

    @Override
    public List<SendResult> send(List<OutgoingMessage> messages) {
        List<SendResult> results = new ArrayList<>(messages.size());
        if (!settings.configured()) {
            messages.forEach(m -> results.add(SendResult.rejected(m.customId(),
                    "Mailjet is not configured: " + MailjetSettings.API_KEY + " and " + MailjetSettings.API_SECRET
                            + " are required")));
            return results;
        }
        CallFailure stop = null;
        for (List<OutgoingMessage> batch : Batches.of(messages, MAX_MESSAGES)) {
            if (stop != null) {
                CallFailure earlier = stop;
                batch.forEach(m -> results.add(new SendResult(m.customId(), earlier.outcome(), null,
                        "not attempted: an earlier call of this batch failed: " + earlier.error(),
                        earlier.retryAfter())));
                continue;
            }
            CallOutcome outcome = sendBatch(batch);
            results.addAll(outcome.results());
            stop = outcome.failure();
        }
        return results;
    }

    @Override
    public ProviderCheck check() {
        if (!settings.configured()) {
            return new ProviderCheck(false, false,
                    MailjetSettings.API_KEY + " and " + MailjetSettings.API_SECRET + " are not set");
        }
        try {
            Answer answer = exchange("GET", CHECK_PATH, null, CHECK_TIMEOUT, CHECK_TIMEOUT);
            if (answer.status() == 200) {
                return new ProviderCheck(true, true, "Mailjet accepted the credentials"
                        + (settings.sandbox() ? " (sandbox mode: nothing will be delivered)" : ""));
            }
            if (answer.status() == 401 || answer.status() == 403) {
                return new ProviderCheck(true, false, "Mailjet refused the credentials (HTTP " + answer.status() + ")");
            }
            return new ProviderCheck(true, false, answer.status() == 429 || answer.status() >= 500,
                    "Mailjet answered HTTP " + answer.status());
        } catch (IOException e) {
            return new ProviderCheck(true, false, true,
                    "Mailjet is unreachable at " + settings.apiUrl() + ": " + describe(e));
        }
    }

    /**
     * Two reads: the Mailjet campaign that our CustomCampaign (the round id) created, then its lifetime,
     * message-based statcounters. Anything but two clean answers is logged and answered as empty.
     */
    @Override
    public Optional<ProviderStatistics> statistics(String campaignTag) {
        if (!settings.configured()) {
            return Optional.empty();
        }
        try {
            Answer campaign = exchange("GET", CAMPAIGN_PATH + URLEncoder.encode(campaignTag, StandardCharsets.UTF_8),
                    null, CHECK_TIMEOUT, settings.readTimeout());
            JsonNode found = campaign.status() == 200 ? parse(campaign.body()).path("Data").path(0) : json.missingNode();
            if (!found.has("ID")) {
                LOG.info("no Mailjet campaign for {} (HTTP {})", campaignTag, campaign.status());
                return Optional.empty();
            }
            Answer counters = exchange("GET", STATCOUNTERS_PATH + found.get("ID").asLong(), null, CHECK_TIMEOUT,
                    settings.readTimeout());
            JsonNode data = counters.status() == 200 ? parse(counters.body()).path("Data").path(0) : json.missingNode();
            if (data.isMissingNode()) {
                LOG.warn("Mailjet statcounters for {} answered HTTP {}", campaignTag, counters.status());
                return Optional.empty();
            }
            return Optional.of(new ProviderStatistics(data.path("Total").asInt(), data.path("MessageSentCount").asInt(),
                    data.path("MessageBlockedCount").asInt(), data.path("EventOpenedCount").asInt(),
                    data.path("MessageOpenedCount").asInt(), data.path("EventClickedCount").asInt(),
                    data.path("MessageClickedCount").asInt(),
                    data.path("MessageHardBouncedCount").asInt() + data.path("MessageSoftBouncedCount").asInt(),
                    data.path("MessageSpamCount").asInt(), data.path("MessageUnsubscribedCount").asInt()));
        } catch (IOException e) {
            LOG.warn("Mailjet statistics for {} unavailable: {}", campaignTag, describe(e));
            return Optional.empty();
        }
    }

    /** The results of one call and, when the call failed as a whole, why (so the rest is not attempted). */
    private record CallOutcome(List<SendResult> results, CallFailure failure) {
    }

    private record CallFailure(SendResult.Outcome outcome, String error, Duration retryAfter) {
    }

    private record Answer(int status, String body, String retryAfter) {
    }

    private CallOutcome sendBatch(List<OutgoingMessage> batch) {
        byte[] request;
        try {
            request = json.writeValueAsBytes(requestBody(batch));
        } catch (IOException e) {
            throw new IllegalStateException("could not write the Mailjet request", e);
        }
        Answer answer;
        try {
            answer = exchange("POST", SEND_PATH, request, settings.connectTimeout(), settings.readTimeout());
        } catch (SocketTimeoutException e) {
            return whole(batch, SendResult.Outcome.RETRYABLE, "no answer from Mailjet within the timeout ("
                    + describe(e) + "); resending is safe: DeduplicateCampaign stops a second delivery");
        } catch (IOException e) {
            return whole(batch, SendResult.Outcome.RETRYABLE, "Mailjet could not be reached: " + describe(e));
        }
        int status = answer.status();
        if (status == 401 || status == 403) {
            return whole(batch, SendResult.Outcome.REJECTED, "Mailjet refused the credentials (HTTP " + status
                    + "): check " + MailjetSettings.API_KEY + " and " + MailjetSettings.API_SECRET);
        }
        if (status == 429) {
            return whole(batch, SendResult.Outcome.RETRYABLE, "rate limited by Mailjet (HTTP 429)"
                    + (answer.retryAfter() != null ? "; Retry-After: " + answer.retryAfter() + " s" : ""),
                    retryAfter(answer.retryAfter()));
        }
        if (status >= 500) {
            return whole(batch, SendResult.Outcome.RETRYABLE, "Mailjet failed (HTTP " + status + ")"
                    + errorSummary(answer.body()));
        }
        JsonNode messages = messagesOf(answer.body());
        if (messages != null && (status == 200 || status == 400)) {
            return new CallOutcome(perMessage(batch, messages), null);
        }
        if (status >= 200 && status < 300) {
            // Accepted, but no readable per-message answer: the outcome is unknown, and resending is safe.
            return whole(batch, SendResult.Outcome.RETRYABLE, "Mailjet answered HTTP " + status
                    + " without a per-message result");
        }
        // A refusal of the whole request (malformed payload, too large, …): sending it again cannot help.
        return whole(batch, SendResult.Outcome.REJECTED, "Mailjet refused the request (HTTP " + status + ")"
                + errorSummary(answer.body()));
    }

    private ObjectNode requestBody(List<OutgoingMessage> batch) {
        ObjectNode body = json.createObjectNode();
        ArrayNode messages = body.putArray("Messages");
        for (OutgoingMessage m : batch) {
            ObjectNode message = messages.addObject();
            address(message.putObject("From"), m.from().email(), m.from().name());
            address(message.putArray("To").addObject(), m.to().email(), m.to().name());
            if (m.from().replyTo() != null && !m.from().replyTo().isBlank()) {
                address(message.putObject("ReplyTo"), m.from().replyTo(), null);
            }
            message.put("Subject", m.content().subject());
            putIfPresent(message, "TextPart", m.content().text());
            putIfPresent(message, "HTMLPart", m.content().html());
            message.put("CustomID", m.customId());
            if (m.campaignTag() != null && !m.campaignTag().isBlank()) {
                message.put("CustomCampaign", m.test() ? m.campaignTag() + TEST_CAMPAIGN_SUFFIX : m.campaignTag());
                // A reviewer may get several test sends of one round; a real recipient gets one message, even
                // when this batch is sent again after a timeout.
                message.put("DeduplicateCampaign", !m.test());
            }
            if (!m.headers().isEmpty()) {
                ObjectNode headers = message.putObject("Headers");
                for (Map.Entry<String, String> header : m.headers().entrySet()) {
                    headers.put(header.getKey(), header.getValue());
                }
            }
        }
        if (settings.sandbox()) {
            body.put("SandboxMode", true);
        }
        return body;
    }

    private static void address(ObjectNode node, String email, String name) {
        node.put("Email", email);
        putIfPresent(node, "Name", name);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    private static List<SendResult> perMessage(List<OutgoingMessage> batch, JsonNode messages) {
        List<SendResult> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String customId = batch.get(i).customId();
            JsonNode answer = messages.get(i);
            if (answer == null) {
                results.add(SendResult.retryable(customId, "Mailjet's answer has no result for this message"));
            } else if ("success".equalsIgnoreCase(answer.path("Status").asText())) {
                JsonNode to = answer.path("To").path(0);
                String id = to.path("MessageID").asText(null);
                results.add(SendResult.sent(customId, id != null ? id : to.path("MessageUUID").asText(null)));
            } else {
                results.add(messageError(customId, answer.path("Errors")));
            }
        }
        return results;
    }

    /** Retryable when any error is Mailjet's fault or a rate limit (5xx, 429); otherwise the message is refused. */
    private static SendResult messageError(String customId, JsonNode errors) {
        boolean retryable = false;
        List<String> descriptions = new ArrayList<>();
        for (JsonNode error : errors) {
            int status = error.path("StatusCode").asInt(400);
            retryable |= status >= 500 || status == 429;
            StringBuilder text = new StringBuilder();
            text.append(error.path("ErrorCode").asText("?")).append(' ').append(status).append(": ")
                    .append(error.path("ErrorMessage").asText(""));
            JsonNode related = error.path("ErrorRelatedTo");
            if (related.isArray() && !related.isEmpty()) {
                text.append(" (").append(related).append(')');
            }
            descriptions.add(text.toString());
        }
        String error = descriptions.isEmpty() ? "Mailjet refused the message without saying why"
                : String.join("; ", descriptions);
        return retryable ? SendResult.retryable(customId, error) : SendResult.rejected(customId, error);
    }

    private static CallOutcome whole(List<OutgoingMessage> batch, SendResult.Outcome outcome, String error) {
        return whole(batch, outcome, error, null);
    }

    private static CallOutcome whole(List<OutgoingMessage> batch, SendResult.Outcome outcome, String error,
                                     Duration retryAfter) {
        List<SendResult> results = new ArrayList<>(batch.size());
        batch.forEach(m -> results.add(new SendResult(m.customId(), outcome, null, error, retryAfter)));
        return new CallOutcome(results, new CallFailure(outcome, error, retryAfter));
    }

    /**
     * How long a 429 asks us to wait: {@code Retry-After} in seconds or as an HTTP date, 1 s to an hour; a 429
     * without a readable one waits {@link #DEFAULT_RETRY_AFTER}.
     */
    static Duration retryAfter(String header) {
        Duration wait = DEFAULT_RETRY_AFTER;
        if (header != null && !header.isBlank()) {
            String value = header.strip();
            try {
                wait = value.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(value))
                        : Duration.between(Instant.now(), ZonedDateTime.parse(value,
                                DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (NumberFormatException | DateTimeParseException e) {
                wait = DEFAULT_RETRY_AFTER;
            }
        }
        return wait.compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER
                : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private JsonNode messagesOf(String body) {
        JsonNode messages = parse(body).path("Messages");
        return messages.isArray() ? messages : null;
    }

    /** Mailjet's own words for a whole-call error ({@code ErrorMessage}), when it sent any. */
    private String errorSummary(String body) {
        JsonNode root = parse(body);
        String message = root.path("ErrorMessage").asText("");
        String code = root.path("ErrorCode").asText("");
        if (message.isEmpty()) {
            return "";
        }
        return ": " + (code.isEmpty() ? "" : code + " ") + message;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    private Answer exchange(String method, String path, byte[] body, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(settings.apiUrl() + path).openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout((int) connectTimeout.toMillis());
        connection.setReadTimeout((int) readTimeout.toMillis());
        connection.setRequestProperty("Authorization", basicAuth());
        connection.setRequestProperty("Accept", "application/json");
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            // Streaming also stops HttpURLConnection from silently re-sending a POST on a stale keep-alive socket.
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        String retryAfter = connection.getHeaderField("Retry-After");
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = "";
        if (stream != null) {
            // Read to the end and close: the connection then goes back to the keep-alive pool for the next call.
            try (InputStream in = stream) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Answer(status, text, retryAfter);
    }

    private String basicAuth() {
        String credentials = settings.apiKey() + ":" + settings.apiSecret();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() != null ? " " + e.getMessage() : "");
    }
}
