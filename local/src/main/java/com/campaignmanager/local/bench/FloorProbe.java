package com.campaignmanager.local.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** The floor: a new JVM sending one ExecuteStatement as a raw HTTP POST, without any SDK. */
public final class FloorProbe {
    private FloorProbe() {
    }

    public static void main(String[] args) throws Exception {
        ProbeReport report = new ProbeReport();
        String body = "{\"resourceArn\":\"" + System.getenv("DB_CLUSTER_ARN") + "\",\"secretArn\":\""
                + System.getenv("DB_SECRET_ARN") + "\",\"database\":\"" + System.getenv("DB_NAME")
                + "\",\"sql\":\"SELECT 1 AS up\"}";
        HttpURLConnection connection = (HttpURLConnection) new URL(System.getenv("DATA_API_ENDPOINT") + "/Execute")
                .openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("content-type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        String answer;
        try (InputStream in = connection.getInputStream()) {
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (connection.getResponseCode() != 200 || !answer.contains("\"longValue\":1")) {
            throw new IllegalStateException("unexpected answer " + connection.getResponseCode() + " " + answer);
        }
        report.step("firstCall");
        report.printAndExit();
    }
}
