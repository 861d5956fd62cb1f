package com.campaignmanager.shared.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts to a Slack incoming webhook and says what Slack's answer means for the delivery: 200 delivered; 429 come
 * back after Retry-After; 404/410 (and Slack's "no_service"/"channel_is_archived" bodies) the webhook is gone;
 * anything else, and no answer in time, try again later.
 */
public final class SlackWebhook {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    public sealed interface Answer {
    }

    public record Delivered() implements Answer {
    }

    public record RetryAfter(long seconds, String error) implements Answer {
    }

    public record Gone(String error) implements Answer {
    }

    public record Failed(String error) implements Answer {
    }

    private final String url;
    private final ObjectMapper json;

    public SlackWebhook(String url, ObjectMapper json) {
        this.url = url;
        this.json = json;
    }

    public Answer post(String text) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(Map.of("text", text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            String answer = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            return interpret(status, connection.getHeaderField("Retry-After"), answer);
        } catch (SocketTimeoutException e) {
            return new Failed("no answer from Slack within " + READ_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return new Failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    static Answer interpret(int status, String retryAfter, String body) {
        String said = body == null ? "" : body.strip();
        if (status == 200) {
            return new Delivered();
        }
        if (status == 429) {
            return new RetryAfter(seconds(retryAfter), "429 rate limited by Slack");
        }
        if (status == 404 || status == 410 || said.equals("no_service") || said.equals("channel_is_archived")
                || said.equals("no_team") || said.equals("team_disabled")) {
            return new Gone(status + " " + abbreviate(said) + ": the webhook is revoked or its channel is gone");
        }
        return new Failed(status + " " + abbreviate(said));
    }

    private static long seconds(String retryAfter) {
        try {
            return retryAfter == null ? 30 : Math.max(1, Math.min(3600, Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static String read(InputStream stream) throws IOException {
        if (stream == null) {
            return "";
        }
        try (InputStream in = stream) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
