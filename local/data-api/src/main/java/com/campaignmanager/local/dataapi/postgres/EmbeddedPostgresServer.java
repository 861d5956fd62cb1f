package com.campaignmanager.local.dataapi.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL 16 from zonky's embedded binaries, run as a child process on a free loopback port. As root, zonky
 * starts it through {@code unshare -U}, since PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgresServer implements PostgresServer {
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Optional<String> recovery;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Optional<String> recovery) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.recovery = recovery;
    }

    /**
     * @param dataDirectory where the cluster lives; an existing cluster there is reused (data survives restarts),
     *                      once a server that an earlier run left running there is stopped ({@link #recovery()})
     * @param deleteOnClose whether to delete the data directory when the server stops
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, boolean deleteOnClose) {
        // Absolute, so that a server left running can be recognised by its -D.
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Optional<String> recovery = LeftoverPostmaster.clear(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(deleteOnClose)
                    // LocalDataApi stops it in order (pools first); zonky's own hook would race with that.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "500")
                    .setServerConfig("timezone", "UTC")
                    .start();
            return new EmbeddedPostgresServer(postgres, directory, recovery);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
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
    public Optional<String> recovery() {
        return recovery;
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
