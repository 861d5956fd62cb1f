package com.campaignmanager.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.shared.config.DatabaseSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

class RdsDataClientFactoryTest {
    private static DatabaseSettings settings(Optional<URI> endpoint) {
        return new DatabaseSettings("arn:aws:rds:eu-west-1:123456789012:cluster:c",
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:s", "campaigns", "eu-west-1", endpoint);
    }

    @Test
    void clientIsConfiguredForLongStatementsAndNoSdkRetries() {
        try (RdsDataClient client = RdsDataClientFactory.create(settings(Optional.empty()))) {
            ClientOverrideConfiguration config = client.serviceClientConfiguration().overrideConfiguration();

            assertThat(config.apiCallTimeout()).hasValueSatisfying(
                    timeout -> assertThat(timeout).isGreaterThanOrEqualTo(Duration.ofSeconds(60)));
            assertThat(config.retryStrategy()).hasValueSatisfying(
                    strategy -> assertThat(strategy.maxAttempts()).isEqualTo(1));
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        }
    }

    @Test
    void endpointIsOverriddenOnlyWhenConfigured() {
        try (RdsDataClient aws = RdsDataClientFactory.create(settings(Optional.empty()));
             RdsDataClient local = RdsDataClientFactory.create(settings(Optional.of(URI.create("http://127.0.0.1:9"))))) {
            assertThat(aws.serviceClientConfiguration().endpointOverride()).isEmpty();
            assertThat(local.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:9"));
        }
    }

    @Test
    void countsEveryClientBuilt() {
        int before = RdsDataClientFactory.clientsBuilt();
        RdsDataClientFactory.create(settings(Optional.empty())).close();

        assertThat(RdsDataClientFactory.clientsBuilt()).isEqualTo(before + 1);
    }
}
