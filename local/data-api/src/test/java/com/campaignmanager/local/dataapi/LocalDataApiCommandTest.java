package com.campaignmanager.local.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

@ExtendWith(LocalDataApiExtension.class)
class LocalDataApiCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LocalDataApiCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), api -> {
                    throw new AssertionError("should not have started");
                });
    }

    @Test
    void anUnknownFlagPrintsUsageAndExitsWith2() {
        assertThat(run("--bogus", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown flag --bogus").contains("usage: data-api");
    }

    @Test
    void aFlagWithoutItsValueOrABadNumberExitsWith2() {
        assertThat(run("--port")).isEqualTo(2);
        assertThat(run("--port", "eighty")).isEqualTo(2);
        assertThat(run("--max-connections", "0")).isEqualTo(2);
        assertThat(run("stray")).isEqualTo(2);
        assertThat(run("--nope")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown flag --nope");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: data-api");
    }

    @Test
    void defaultsAndFlags() {
        LocalDataApiConfig defaults = LocalDataApiCommand.parse(new String[0]);
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.dataDir()).isEqualTo(Path.of(".local"));
        assertThat(defaults.jdbcUrl()).isNull();

        LocalDataApiConfig config = LocalDataApiCommand.parse(new String[] {"--port=9000", "--host", "0.0.0.0",
                "--allow-remote", "--database", "other", "--max-connections", "4", "--cluster-arn", "arn:aws:rds:eu-west-1:1:cluster:x"});
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.database()).isEqualTo("other");
        assertThat(config.maxConnections()).isEqualTo(4);
        assertThat(config.clusterArn()).isEqualTo("arn:aws:rds:eu-west-1:1:cluster:x");
    }

    @Test
    void aHostOtherThanLoopbackNeedsAllowRemoteAndStartsNothingWithout() {
        assertThat(run("--host", "0.0.0.0", "--port", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("data-api: --host 0.0.0.0 is not a loopback address")
                .contains("--allow-remote");
        assertThat(LocalDataApiCommand.parse(new String[] {"--host", "::1"}).host()).isEqualTo("::1");
        assertThat(LocalDataApiCommand.parse(new String[] {"--host", "192.168.1.20", "--allow-remote"}).host())
                .isEqualTo("192.168.1.20");
    }

    @Test
    void runsAgainstAnExistingPostgresAndAnswersCalls() {
        LocalDataApi shared = LocalDataApiExtension.dataApi();
        String database = "command_" + Long.toHexString(System.nanoTime());
        int exit = LocalDataApiCommand.run(new String[] {"--port", "0", "--jdbc-url", shared.jdbcUrl("postgres"),
                "--db-user", shared.user(), "--db-password", shared.password(), "--database", database},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                api -> {
                    DataApiTarget target = new DataApiTarget(api.endpoint(), api.clusterArn(), api.secretArn(), null);
                    try (RdsDataClient client = target.client()) {
                        String name = client.executeStatement(b -> b.resourceArn(api.clusterArn())
                                .secretArn(api.secretArn()).sql("select current_database()"))
                                .records().get(0).get(0).stringValue();
                        assertThat(name).isEqualTo(database);
                    }
                });
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("http://127.0.0.1:")
                .contains(shared.clusterArn())
                .contains("database:    " + database);
    }
}
