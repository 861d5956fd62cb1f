package com.campaignmanager.shared.config;

import java.net.URI;
import java.util.Optional;

/**
 * How a function reaches its database through the RDS Data API.
 *
 * @param clusterArn {@code DB_CLUSTER_ARN}, the Aurora cluster (the Data API's resourceArn)
 * @param secretArn {@code DB_SECRET_ARN}, the Secrets Manager secret holding the database credentials
 * @param database {@code DB_NAME}
 * @param region {@code AWS_REGION}, set by Lambda
 * @param endpoint {@code DATA_API_ENDPOINT}, only to point the client at the local Data API
 */
public record DatabaseSettings(String clusterArn, String secretArn, String database, String region,
                               Optional<URI> endpoint) {

    public static final String CLUSTER_ARN = "DB_CLUSTER_ARN";
    public static final String SECRET_ARN = "DB_SECRET_ARN";
    public static final String DATABASE = "DB_NAME";
    public static final String REGION = "AWS_REGION";
    public static final String ENDPOINT = "DATA_API_ENDPOINT";

    public static DatabaseSettings from(Environment environment) {
        return new DatabaseSettings(
                environment.required(CLUSTER_ARN),
                environment.required(SECRET_ARN),
                environment.required(DATABASE),
                environment.required(REGION),
                environment.optionalUrl(ENDPOINT));
    }
}
