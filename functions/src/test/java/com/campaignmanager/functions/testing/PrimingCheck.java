package com.campaignmanager.functions.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingReport;
import com.campaignmanager.shared.settings.SettingsModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a function's priming with no database: its Data API endpoint is a socket that only counts who connects
 * (and answers nothing), and there are no AWS credentials. Priming must complete, answer every call as expected,
 * and connect to it never - so it read and wrote nothing.
 */
public final class PrimingCheck implements AutoCloseable {
    private final ServerSocket endpoint;
    private final AtomicInteger connections = new AtomicInteger();

    public PrimingCheck() {
        try {
            endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(() -> {
            while (!endpoint.isClosed()) {
                try (Socket ignored = endpoint.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "priming-endpoint");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** What template.yaml gives the function, with the database nowhere to be found. */
    public SettingsModule settings() {
        return new SettingsModule(Environment.of(Map.of(
                DatabaseSettings.CLUSTER_ARN, "arn:aws:rds:us-east-1:123456789012:cluster:absent",
                DatabaseSettings.SECRET_ARN, "arn:aws:secretsmanager:us-east-1:123456789012:secret:absent",
                DatabaseSettings.DATABASE, "absent",
                DatabaseSettings.REGION, "us-east-1",
                DatabaseSettings.ENDPOINT, "http://127.0.0.1:" + endpoint.getLocalPort(),
                "UNSUBSCRIBE_SIGNING_KEY", "test-unsubscribe-signing-key-for-the-priming-tests",
                "MAILJET_WEBHOOK_PASSWORD", "priming-webhook-secret",
                "PUBLIC_API_URL", "https://api.test.example")));
    }

    /** Builds the function's priming over {@link #settings()}, runs it and checks it touched nothing. */
    public PrimingReport primeWithoutDatabase(Function<SettingsModule, Priming> priming) {
        PrimingReport report = priming.apply(settings()).prime();

        assertThat(report.failed()).as("priming calls not answered as expected").isEmpty();
        assertThat(report.dataApiPrimed()).as("the SDK warm-up and the canned statements ran (its TLS call may fail)")
                .isTrue();
        assertThat(report.primed()).isNotEmpty();
        assertThat(connections.get()).as("connections to the Data API endpoint").isZero();
        return report;
    }

    @Override
    public void close() throws IOException {
        endpoint.close();
    }
}
