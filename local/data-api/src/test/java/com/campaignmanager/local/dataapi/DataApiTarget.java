package com.campaignmanager.local.dataapi;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** What a contract test talks to: an endpoint, the ARNs it answers to and a database to work in. */
record DataApiTarget(URI endpoint, String resourceArn, String secretArn, String database) {

    /**
     * The unmodified SDK client, as application code builds it, except that retries are off so that a test of an
     * injected fault sees exactly one failure.
     */
    RdsDataClient client() {
        return RdsDataClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(70)).build())
                .overrideConfiguration(o -> o.retryStrategy(retry -> retry.maxAttempts(1))
                        .apiCallTimeout(Duration.ofSeconds(70)))
                .build();
    }
}
