package com.campaignmanager.shared.aws;

import com.campaignmanager.shared.config.Environment;
import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * For functions that read queue state (the health monitor watching the jobs' dead-letter queue): one
 * {@link SqsClient} per container, built like the Data API client. {@code SQS_ENDPOINT} points it elsewhere
 * (tests).
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
    static SqsClient sqsClient(SqsSettings settings) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(RdsDataClientFactory.credentials())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(15)));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
