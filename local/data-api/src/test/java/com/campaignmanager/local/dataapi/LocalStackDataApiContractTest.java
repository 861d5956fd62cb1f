package com.campaignmanager.local.dataapi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The contract suite against LocalStack's rds-data, an independent emulation, to check this one against.
 * rds-data is only in LocalStack's paid edition: without LOCALSTACK_AUTH_TOKEN, or without Docker, the class is
 * skipped. Tests that steer the server (limits, faults) are skipped here in any case.
 */
class LocalStackDataApiContractTest extends RdsDataApiContract {
    private static final String IMAGE = "localstack/localstack-pro:latest";
    private static final Duration DOCKER_CHECK_LIMIT = Duration.ofSeconds(20);
    private static final String DATABASE = "contract";
    private static final String USER = "contract";
    private static final String PASSWORD = "contract-password";

    private LocalStackContainer localStack;

    @Override
    protected DataApiTarget target() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        assumeTrue(token != null && !token.isBlank(),
                "LOCALSTACK_AUTH_TOKEN is not set: LocalStack has rds-data only in its paid edition");
        assumeTrue(dockerAvailable(), "Docker is not available: LocalStack cannot be started");

        localStack = new LocalStackContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("localstack/localstack"))
                .withEnv("LOCALSTACK_AUTH_TOKEN", token);
        localStack.start();

        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (RdsClient rds = RdsClient.builder().endpointOverride(localStack.getEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
             SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(localStack.getEndpoint())
                     .region(Region.US_EAST_1).credentialsProvider(credentials)
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            String clusterArn = rds.createDBCluster(b -> b.dbClusterIdentifier("contract").engine("aurora-postgresql")
                    .databaseName(DATABASE).masterUsername(USER).masterUserPassword(PASSWORD).enableHttpEndpoint(true))
                    .dbCluster().dbClusterArn();
            String secretArn = secrets.createSecret(b -> b.name("contract")
                    .secretString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}")).arn();
            return new DataApiTarget(localStack.getEndpoint(), clusterArn, secretArn, DATABASE);
        }
    }

    /** Asks Testcontainers, but never waits long: a misconfigured Docker must not hang the build. */
    private static boolean dockerAvailable() {
        CompletableFuture<Boolean> check = new CompletableFuture<>();
        Thread checker = new Thread(() -> {
            try {
                check.complete(DockerClientFactory.instance().isDockerAvailable());
            } catch (RuntimeException | Error e) {
                check.complete(false);
            }
        }, "docker-availability-check");
        checker.setDaemon(true);
        checker.start();
        try {
            return check.get(DOCKER_CHECK_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @AfterAll
    void stopLocalStack() {
        if (localStack != null) {
            localStack.stop();
        }
    }
}
