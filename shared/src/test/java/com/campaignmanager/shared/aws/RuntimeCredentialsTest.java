package com.campaignmanager.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class RuntimeCredentialsTest {
    private static RuntimeCredentials with(Map<String, String> environment, Map<String, String> properties) {
        return new RuntimeCredentials(environment::get, properties::get);
    }

    @Test
    void containerCredentialsWhenTheRuntimeGivesTheirEndpointAsAfterASnapStartRestore() {
        assertThat(with(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), Map.of()).choose())
                .isInstanceOf(ContainerCredentialsProvider.class);
        assertThat(with(Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials"), Map.of()).choose())
                .isInstanceOf(ContainerCredentialsProvider.class);
        assertThat(with(Map.of(), Map.of("aws.containerCredentialsFullUri", "http://127.0.0.1:9001/c")).choose())
                .isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void environmentKeysInAnOrdinaryContainerThenSystemProperties() {
        assertThat(with(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", " "),
                Map.of("aws.accessKeyId", "other")).choose())
                .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
        assertThat(with(Map.of(), Map.of("aws.accessKeyId", "AKIDEXAMPLE")).choose())
                .isInstanceOf(SystemPropertyCredentialsProvider.class);
    }

    @Test
    void withNoneConfiguredTheWholeChainAnswersAndItsErrorNamesEachProvider() {
        RuntimeCredentials credentials = with(Map.of(), Map.of());

        assertThat(credentials.choose()).isInstanceOf(AwsCredentialsProviderChain.class);
        assertThatThrownBy(credentials::resolveCredentials).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("ContainerCredentialsProvider")
                .hasMessageContaining("EnvironmentVariableCredentialsProvider")
                .hasMessageContaining("SystemPropertyCredentialsProvider");
    }

    @Test
    void chosenOnTheFirstResolutionNotWhenBuilt() {
        RuntimeCredentials credentials = new RuntimeCredentials();

        // Built in init (and before a SnapStart snapshot) it has looked at nothing yet.
        assertThat(credentials).hasToString("RuntimeCredentials(not resolved yet)");
    }
}
