package com.campaignmanager.shared.aws;

import com.campaignmanager.shared.config.Environment;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * For functions that read queue state (the health monitor watching the jobs' dead-letter queue): one
 * {@link SqsQueues} per container, with the credentials of the Data API client and its own HTTP client, which
 * trusts what the Data API client trusts ({@link AmazonTrustAnchors}: SQS is an AWS endpoint too).
 * {@code SQS_ENDPOINT} points it elsewhere (tests).
 */
@Module
public final class SqsModule {
    private SqsModule() {
    }

    @Provides
    @Singleton
    static SqsSettings sqsSettings(Environment environment) {
        return SqsSettings.from(environment);
    }

    @Provides
    @Singleton
    static SqsQueues sqsQueues(SqsSettings settings, ObjectMapper json) {
        return new SqsQueues(settings, RdsDataClientFactory.credentials(), UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(10))
                .tlsTrustManagersProvider(AmazonTrustAnchors::trustManagers)
                .build(), json);
    }
}
