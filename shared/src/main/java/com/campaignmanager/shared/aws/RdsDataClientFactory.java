package com.campaignmanager.shared.aws;

import com.campaignmanager.shared.config.DatabaseSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClientBuilder;

/**
 * Builds the one {@link RdsDataClient} of a container. Every choice here is explicit so that the SDK does not
 * spend cold-start time discovering it, and so that resources stay bounded:
 * <ul>
 *   <li>HTTP: {@code UrlConnectionHttpClient}, measured against the CRT client in docs/benchmarks.md. Its
 *       connections are the JDK's keep-alive cache, bounded by {@code http.maxConnections} (default 5), and a
 *       Lambda container calls from one thread.</li>
 *   <li>TLS: trusts the roots of Amazon Trust Services ({@link AmazonTrustAnchors}), not every CA the JDK knows.</li>
 *   <li>Timeouts: the Data API lets a statement run 45 s, so the socket and API-call timeouts sit above it.</li>
 *   <li>Credentials: {@link RuntimeCredentials}: container credentials when the runtime gives them (after a
 *       SnapStart restore, instead of environment keys), else environment variables or system properties.</li>
 *   <li>No SDK retries: the SDK would resend a 503/504 that may already have run a write. {@code Database}
 *       retries itself, only where the outcome cannot be applied twice.</li>
 * </ul>
 */
public final class RdsDataClientFactory {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(65);

    private static final AtomicInteger BUILT = new AtomicInteger();

    private RdsDataClientFactory() {
    }

    public static RdsDataClient create(DatabaseSettings settings) {
        return create(settings, httpClient(SOCKET_TIMEOUT));
    }

    /** The HTTP client a function's Data API client runs over; priming runs the same one with a short timeout. */
    public static SdkHttpClient httpClient(Duration socketTimeout) {
        // HttpURLConnection silently resends a POST whose connection dropped before the answer came (on by
        // default): for the Data API that could run a write twice. Read once, when its HTTP client class loads.
        System.setProperty("sun.net.http.retryPost", "false");
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(socketTimeout)
                .tlsTrustManagersProvider(AmazonTrustAnchors::trustManagers)
                .build();
    }

    /** The same client over another HTTP client: how the benchmark compares HTTP clients. */
    public static RdsDataClient create(DatabaseSettings settings, SdkHttpClient httpClient) {
        RdsDataClientBuilder builder = RdsDataClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials())
                .httpClient(httpClient)
                .overrideConfiguration(o -> o
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.doNotRetry()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        RdsDataClient client = builder.build();
        BUILT.incrementAndGet();
        return client;
    }

    /** Container credentials where the runtime gives them (SnapStart), else environment keys or system properties. */
    static AwsCredentialsProvider credentials() {
        return new RuntimeCredentials();
    }

    /** How many clients this JVM has built: one per container is the contract, and tests hold us to it. */
    public static int clientsBuilt() {
        return BUILT.get();
    }
}
