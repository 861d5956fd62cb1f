package com.campaignmanager.shared.aws;

import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;

/**
 * A function's AWS credentials, taken from where the Lambda runtime puts them: container credentials when their
 * endpoint is set (after a SnapStart restore the runtime provides them instead of environment keys), else the
 * environment's keys (an ordinary container, local runs), else system properties. Chosen on the first resolution,
 * which priming never makes, so after a restore and not before the snapshot; then kept.
 *
 * <p>A provider chain finds the same, but by letting each provider before the right one fail with an exception:
 * on the first request of every ordinary container the container provider's, ~3 ms of it (docs/benchmarks.md).
 * When none of them is configured the chain of all three answers, with its error naming each.
 */
final class RuntimeCredentials implements AwsCredentialsProvider {
    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> properties;
    private volatile AwsCredentialsProvider chosen;

    RuntimeCredentials() {
        this(System::getenv, System::getProperty);
    }

    RuntimeCredentials(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsProvider provider = chosen;
        if (provider == null) {
            provider = choose();
            chosen = provider;
        }
        return provider.resolveCredentials();
    }

    /** The provider for the credentials this process has been given. */
    AwsCredentialsProvider choose() {
        // The SDK's container provider reads its endpoint from a system property or the environment; so do we.
        if (isSet(SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_FULL_URI)
                || isSet(SdkSystemSetting.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)) {
            return ContainerCredentialsProvider.builder().build();
        }
        if (present(environment.apply(SdkSystemSetting.AWS_ACCESS_KEY_ID.environmentVariable()))) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        if (present(properties.apply(SdkSystemSetting.AWS_ACCESS_KEY_ID.property()))) {
            return SystemPropertyCredentialsProvider.create();
        }
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(ContainerCredentialsProvider.builder().build(),
                        EnvironmentVariableCredentialsProvider.create(), SystemPropertyCredentialsProvider.create())
                .build();
    }

    private boolean isSet(SdkSystemSetting setting) {
        return present(properties.apply(setting.property())) || present(environment.apply(setting.environmentVariable()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "RuntimeCredentials(" + (chosen == null ? "not resolved yet" : chosen) + ")";
    }
}
