package com.campaignmanager.local.dataapi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the local Data API.
 *
 * @param host the address the HTTP server binds to
 * @param port the HTTP port; 0 picks a free one
 * @param dataDir where the embedded PostgreSQL keeps its data (in {@code dataDir/postgres}, kept across restarts);
 *     null for a temporary directory deleted on close. Unused with {@code jdbcUrl}.
 * @param jdbcUrl an existing PostgreSQL to use instead of the embedded one ({@code jdbc:postgresql://host:port/db},
 *     the database being the one used to create others); null for embedded PostgreSQL 16
 * @param dbUser the user for {@code jdbcUrl}
 * @param dbPassword the password for {@code jdbcUrl}
 * @param clusterArn the only resourceArn accepted
 * @param secretArn the only secretArn accepted
 * @param database the database used when a request names none; created at start if missing
 * @param maxConnections the most PostgreSQL sessions per database (one bounded pool per database)
 * @param transactionIdleTimeout a transaction unused this long is rolled back (service: 3 minutes)
 * @param transactionMaxLifetime a transaction older than this is rolled back (service: 24 hours)
 * @param statementTimeout a call running longer fails with StatementTimeoutException (service: 45 seconds)
 * @param responseSizeLimitBytes a result larger than this fails (service: 1 MiB)
 */
public record LocalDataApiConfig(
        String host,
        int port,
        Path dataDir,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        String clusterArn,
        String secretArn,
        String database,
        int maxConnections,
        Duration transactionIdleTimeout,
        Duration transactionMaxLifetime,
        Duration statementTimeout,
        int responseSizeLimitBytes) {

    public LocalDataApiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clusterArn, "clusterArn");
        Objects.requireNonNull(secretArn, "secretArn");
        Objects.requireNonNull(database, "database");
        requirePositive(transactionIdleTimeout, "transactionIdleTimeout");
        requirePositive(transactionMaxLifetime, "transactionMaxLifetime");
        requirePositive(statementTimeout, "statementTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        if (responseSizeLimitBytes < 1) {
            throw new IllegalArgumentException("responseSizeLimitBytes must be positive, got " + responseSizeLimitBytes);
        }
    }

    public static LocalDataApiConfig defaults() {
        return new LocalDataApiConfig(
                "127.0.0.1",
                0,
                null,
                null,
                "postgres",
                "",
                "arn:aws:rds:us-east-1:000000000000:cluster:campaign-manager-local",
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:campaign-manager-local",
                "campaigns",
                10,
                Duration.ofMinutes(3),
                Duration.ofHours(24),
                Duration.ofSeconds(45),
                1_048_576);
    }

    static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }

    public LocalDataApiConfig withHost(String host) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withPort(int port) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withDataDir(Path dataDir) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withJdbcUrl(String jdbcUrl) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withDbUser(String dbUser) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withDbPassword(String dbPassword) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withClusterArn(String clusterArn) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withSecretArn(String secretArn) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withDatabase(String database) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withMaxConnections(int maxConnections) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withTransactionIdleTimeout(Duration transactionIdleTimeout) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withTransactionMaxLifetime(Duration transactionMaxLifetime) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withStatementTimeout(Duration statementTimeout) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }

    public LocalDataApiConfig withResponseSizeLimitBytes(int responseSizeLimitBytes) {
        return new LocalDataApiConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, clusterArn, secretArn, database,
                maxConnections, transactionIdleTimeout, transactionMaxLifetime, statementTimeout, responseSizeLimitBytes);
    }
}
