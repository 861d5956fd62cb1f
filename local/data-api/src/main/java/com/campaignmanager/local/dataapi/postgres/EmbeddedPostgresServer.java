package com.campaignmanager.local.dataapi.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * PostgreSQL 16 from zonky's embedded binaries, run as a child process on a free loopback port. As root, zonky
 * starts it through {@code unshare -U}, since PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresServer implements PostgresServer {
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * @param dataDirectory where the cluster lives; an existing cluster there is reused (data survives restarts)
     * @param deleteOnClose whether to delete the data directory when the server stops
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean deleteOnClose) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(deleteOnClose)
                    // LocalDataApi stops it in order (pools first); zonky's own hook would race with that.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "500")
                    .setServerConfig("timezone", "UTC")
                    .start();
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String user() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return ""; // zonky's initdb uses trust authentication
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL 16 on port " + postgres.getPort() + ", data in " + dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close(); // pg_ctl stop -m fast: a clean shutdown
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
