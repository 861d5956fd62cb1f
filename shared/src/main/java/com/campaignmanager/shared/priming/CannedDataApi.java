package com.campaignmanager.shared.priming;

import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.RetryPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * Our own statement path - {@link Database}, its parameters, the SDK's ExecuteStatement marshalling and the
 * unmarshalling of typed fields into rows - run once against the SDK's canned HTTP client, which answers without
 * any network. It has its own client, whose fixed priming credentials let the request be signed (SigV4) as the
 * function's will be: the function's client, its credentials and its connections are not touched.
 */
final class CannedDataApi {
    private static final byte[] ANSWER = ("{\"columnMetadata\":[{\"name\":\"up\",\"label\":\"up\",\"typeName\":\"int4\"},"
            + "{\"name\":\"label\",\"label\":\"label\",\"typeName\":\"text\"}],"
            + "\"records\":[[{\"longValue\":1},{\"stringValue\":\"primed\"}]],\"numberOfRecordsUpdated\":0}")
            .getBytes(StandardCharsets.UTF_8);
    private static final DatabaseSettings SETTINGS = new DatabaseSettings(
            "arn:aws:rds:us-east-1:000000000000:cluster:priming",
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:priming", "priming", "us-east-1",
            Optional.empty());
    /** Not a key of anyone: the canned client never sends the request it signs. */
    private static final StaticCredentialsProvider PRIMING_CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("priming", "priming"));

    private CannedDataApi() {
    }

    static void select() {
        try (RdsDataClient client = RdsDataClient.builder()
                .httpClient(CannedResponseHttpClient.builder().statusCode(200).responseBody(ANSWER).build())
                .credentialsProvider(PRIMING_CREDENTIALS)
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost"))
                // Configured as RdsDataClientFactory configures the function's client, so that the same code runs:
                // the call timeout (a scheduled task per call) and no SDK retries.
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(65))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            Database database = new Database(client, SETTINGS, RetryPolicy.standard());
            long up = database.query("SELECT :up AS up, :label AS label", Params.of("label", "primed").put("up", 1L),
                    row -> row.longValue("up") + (row.string("label").isEmpty() ? 1 : 0)).get(0);
            if (up != 1) {
                throw new IllegalStateException("canned SELECT answered " + up);
            }
        }
    }
}
