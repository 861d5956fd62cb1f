package com.campaignmanager.local.serve;

import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One running local runner per test JVM, serving the repository's template.yaml on an ephemeral port over the
 * JVM's embedded PostgreSQL (no second PostgreSQL). Handlers keep their configuration for the life of the JVM,
 * as in a container, so every test of this module shares it.
 */
public final class LocalRunnerFixture {
    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static ServeCommand.Running running;
    private static Path dataDir;

    private LocalRunnerFixture() {
    }

    public static synchronized ServeCommand.Running running() {
        if (running == null) {
            LocalDataApi postgres = LocalDataApiExtension.dataApi();
            try {
                dataDir = Files.createTempDirectory("campaign-runner-test");
                running = ServeCommand.start(RunnerOptions.defaults()
                        .withPort(0)
                        .withDataDir(dataDir)
                        .withTemplate(REPOSITORY.resolve("template.yaml"))
                        .withPostgres(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password(), "runner_tests"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        }
        return running;
    }

    public static Path dataDir() {
        running();
        return dataDir;
    }
}
