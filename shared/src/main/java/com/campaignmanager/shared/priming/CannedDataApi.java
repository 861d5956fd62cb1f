package com.campaignmanager.shared.priming;

import com.campaignmanager.shared.aws.RdsDataClientFactory;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.RetryPolicy;
import com.campaignmanager.shared.db.Row;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * Our own statement path - {@link Database}, its parameters, the SDK's ExecuteStatement marshalling, the HTTP
 * client's exchange and the unmarshalling of typed fields into rows - run against a canned answer from this
 * process ({@link LoopbackDataApi}), without any network. It has its own client, whose fixed priming credentials
 * let the request be signed (SigV4) as the function's will be: the function's client, its credentials and its
 * connections are not touched.
 */
final class CannedDataApi {
    /**
     * Shaped as the Data API answers a read (as the local one does): every column's full metadata, and the field
     * kinds rows carry (text, a uuid and a timestamp as text, a number, a boolean, a null), so that unmarshalling
     * each of them is not first done for the first request.
     */
    private static final byte[] ANSWER = ("{\"records\":[[{\"longValue\":1},{\"stringValue\":\"primed\"},"
            + "{\"stringValue\":\"00000000-0000-0000-0000-000000000000\"},{\"stringValue\":\"1970-01-01 00:00:00\"},"
            + "{\"booleanValue\":true},{\"isNull\":true}]],\"columnMetadata\":["
            + column("up", 4, "int4", true) + "," + column("label", 12, "text", false) + ","
            + column("id", 1111, "uuid", false) + "," + column("at", 93, "timestamptz", false) + ","
            + column("active", -7, "bool", false) + "," + column("gone", 12, "text", false)
            + "],\"numberOfRecordsUpdated\":0}").getBytes(StandardCharsets.UTF_8);
    private static final DatabaseSettings SETTINGS = new DatabaseSettings(
            "arn:aws:rds:us-east-1:000000000000:cluster:priming",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:priming", "priming", "us-east-1",
            Optional.empty());
    /** Not a key of anyone: the request it signs goes no further than this process. */
    private static final StaticCredentialsProvider PRIMING_CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("priming", "priming"));

    private CannedDataApi() {
    }

    private static String column(String name, int type, String typeName, boolean signed) {
        return "{\"name\":\"" + name + "\",\"type\":" + type + ",\"typeName\":\"" + typeName + "\",\"label\":\"" + name
                + "\",\"schemaName\":\"\",\"tableName\":\"priming\",\"isAutoIncrement\":false,\"isSigned\":" + signed
                + ",\"isCurrency\":false,\"isCaseSensitive\":true,\"nullable\":0,\"precision\":10,\"scale\":0,"
                + "\"arrayBaseColumnType\":0}";
    }

    private static final String SELECT = "SELECT :up AS up, :label AS label, :id AS id, :at AS at, :active AS active,"
            + " NULL AS gone";
    /** What the Data API answers the other operations a statement path uses. */
    private static final byte[] BEGUN = "{\"transactionId\":\"priming\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMITTED = "{\"transactionStatus\":\"Transaction Committed\"}"
            .getBytes(StandardCharsets.UTF_8);

    /**
     * Rounds that also run a SELECT in a transaction (begin, SELECT, commit): fewer than the SELECT's, since most of
     * its code is the SELECT's, and each statement costs ~5 ms while it is still interpreted.
     */
    static final int TRANSACTION_ROUNDS = 2;

    private static byte[] answer(String path) {
        return switch (path) {
            case "/BeginTransaction" -> BEGUN;
            case "/CommitTransaction" -> COMMITTED;
            default -> ANSWER;
        };
    }

    /**
     * {@code rounds} times a SELECT, the first {@link #TRANSACTION_ROUNDS} of them followed by a SELECT in a
     * transaction, over one client: more than once, so that the statement path is not left cold. Over the
     * function's kind of HTTP client to a {@link LoopbackDataApi}, or, where no loopback socket can be opened, over
     * the SDK's canned client in memory (SELECTs only: it answers every operation alike).
     */
    static void statements(int rounds) {
        Optional<LoopbackDataApi> loopback = LoopbackDataApi.start(CannedDataApi::answer,
                rounds + 3 * Math.min(rounds, TRANSACTION_ROUNDS));
        try (SdkHttpClient http = loopback.isPresent()
                ? RdsDataClientFactory.httpClient(Duration.ofMillis(LoopbackDataApi.TIMEOUT_MILLIS))
                : CannedResponseHttpClient.builder().statusCode(200).responseBody(ANSWER).build();
             RdsDataClient client = RdsDataClient.builder()
                     .httpClient(http)
                     .credentialsProvider(PRIMING_CREDENTIALS)
                     .region(Region.US_EAST_1)
                     .endpointOverride(loopback.map(LoopbackDataApi::endpoint).orElse(URI.create("http://localhost")))
                     // Configured as RdsDataClientFactory configures the function's client, so that the same code
                     // runs: the call timeout (a scheduled task per call) and no SDK retries.
                     .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(65))
                             .retryStrategy(AwsRetryStrategy.doNotRetry()))
                     .build()) {
            Database database = new Database(client, SETTINGS, RetryPolicy.standard());
            for (int i = 0; i < rounds; i++) {
                expectOne(database.query(SELECT, params(), CannedDataApi::read).get(0));
                if (loopback.isPresent() && i < TRANSACTION_ROUNDS) {
                    expectOne(database.inTransaction(tx -> tx.query(SELECT, params(), CannedDataApi::read).get(0)));
                }
            }
        } finally {
            loopback.ifPresent(LoopbackDataApi::close);
        }
    }

    /** Built for each statement, as a repository builds its parameters. */
    private static Params params() {
        return Params.of("label", "primed").put("up", 1L).put("id", PrimingCall.ID).put("at", Instant.EPOCH)
                .put("active", true);
    }

    private static void expectOne(long up) {
        if (up != 1) {
            throw new IllegalStateException("canned SELECT answered " + up);
        }
    }

    /** Each column read as the repositories read theirs; 1 when every one holds what the canned answer says. */
    private static long read(Row row) {
        boolean expected = "primed".equals(row.string("label")) && PrimingCall.ID.equals(row.uuid("id"))
                && Instant.EPOCH.equals(row.instant("at")) && Boolean.TRUE.equals(row.bool("active"))
                && row.isNull("gone") && row.string("gone") == null;
        return expected ? row.longValue("up") : 0;
    }
}
