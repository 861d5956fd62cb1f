package com.campaignmanager.local.dataapi.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.dataapi.ChildJvm;
import com.campaignmanager.local.dataapi.LocalDataApiCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starting on a data directory whose lock file an earlier run left behind. These tests start PostgreSQL on a
 * directory of their own, since the directory's lock file is what they are about; they share that one cluster.
 */
class LeftoverPostmasterTest {
    private static Path dataDir;
    private static Path pgdata;

    @BeforeAll
    static void cluster() throws IOException {
        dataDir = Files.createTempDirectory("leftover-postmaster");
        pgdata = dataDir.resolve("postgres");
        EmbeddedPostgresServer.start(pgdata, false).close(); // initdb once
    }

    @AfterEach
    void noServerLeft() throws InterruptedException {
        ChildJvm.stopPostgres(pgdata);
    }

    @AfterAll
    static void removeCluster() throws IOException, InterruptedException {
        ChildJvm.stopPostgres(pgdata);
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void writeLockFile(long pid) throws IOException {
        Files.writeString(pgdata.resolve(LeftoverPostmaster.PID_FILE), pid + "\n" + pgdata.toAbsolutePath() + "\n"
                + Instant.now().getEpochSecond() + "\n54321\n/tmp\nlocalhost\n  1234567         0\nready   \n");
    }

    private static long deadPid() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return gone.pid();
    }

    private static boolean exitsWithin(long pid, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static String answer(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(),
                server.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void aServerLeftRunningByAKilledJvmIsStoppedCleanlyAndTheNextStartKeepsItsData() throws Exception {
        long leftPid;
        try (ChildJvm earlier = ChildJvm.start(LocalDataApiCommand.class, Map.of(), "--port", "0", "--data-dir",
                dataDir.toString())) {
            earlier.awaitLine(line -> line.startsWith("Listening on"), Duration.ofSeconds(90));
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:"
                    + ChildJvm.postgresPort(pgdata) + "/postgres", "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS kept; CREATE TABLE kept (note text);"
                        + " INSERT INTO kept VALUES ('written before the kill')");
            }
            earlier.kill();
        }
        Optional<ProcessHandle> left = ChildJvm.postmaster(pgdata);
        assertThat(left).as("pg_ctl's server outlives the JVM that started it").isPresent();
        leftPid = left.get().pid();

        try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(pgdata, false)) {
            assertThat(next.recovery()).contains("recovered: stopped a PostgreSQL left running by an earlier runner"
                    + " (pid " + leftPid + ") in " + pgdata.toAbsolutePath());
            // Like pg_ctl, the start waited for the lock file to go; the process itself ends a moment later.
            assertThat(exitsWithin(leftPid, Duration.ofSeconds(30))).isTrue();
            assertThat(answer(next, "SELECT note FROM kept")).isEqualTo("written before the kill");
        }
    }

    @Test
    void aLockFileWhoseProcessIsGoneIsRemovedAndTheServerStarts() throws Exception {
        long pid = deadPid();
        writeLockFile(pid);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pgdata, false)) {
            assertThat(server.recovery()).contains("recovered: removed the lock file of a PostgreSQL that is no"
                    + " longer running (pid " + pid + ") in " + pgdata.toAbsolutePath());
            assertThat(answer(server, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void aLockFileWhosePidIsNowAnotherProgramIsRemovedAndThatProgramLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "300").start();
        try {
            writeLockFile(other.pid());

            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pgdata, false)) {
                assertThat(server.recovery()).hasValueSatisfying(line -> assertThat(line)
                        .startsWith("recovered: removed the lock file").contains("pid " + other.pid() + " is now another program"));
                assertThat(answer(server, "SELECT 1")).isEqualTo("1");
            }
            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aServerThatALiveRunnerRunsIsNotTouched() throws Exception {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(pgdata, false)) {
            long pid = ChildJvm.postmaster(pgdata).orElseThrow().pid();

            assertThat(LeftoverPostmaster.clear(pgdata)).isEmpty();
            assertThat(ChildJvm.postmaster(pgdata).map(ProcessHandle::pid)).contains(pid);
            assertThat(answer(running, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void onlyAPostgresStartedOnThisDirectoryCountsAsItsServer() {
        Path here = Path.of("/data/here/postgres");

        assertThat(LeftoverPostmaster.holder(info("/tmp/embedded-pg/PG-1/bin/postgres", "-D", "/data/here/postgres",
                "-p", "5432"), here)).isEqualTo(LeftoverPostmaster.Holder.THIS_DIRECTORY_SERVER);
        assertThat(LeftoverPostmaster.holder(info("/tmp/embedded-pg/PG-1/bin/postgres (deleted)", "-D",
                "/data/here/postgres"), here)).isEqualTo(LeftoverPostmaster.Holder.THIS_DIRECTORY_SERVER);
        assertThat(LeftoverPostmaster.holder(info("/usr/lib/postgresql/16/bin/postgres", "-D", "/data/other/postgres"),
                here)).isEqualTo(LeftoverPostmaster.Holder.SOMETHING_ELSE);
        assertThat(LeftoverPostmaster.holder(info("/usr/bin/sleep", "300"), here))
                .isEqualTo(LeftoverPostmaster.Holder.SOMETHING_ELSE);
        // Cannot tell: left to the user.
        assertThat(LeftoverPostmaster.holder(info("/usr/bin/postgres", "-D", "relative/postgres"), here))
                .isEqualTo(LeftoverPostmaster.Holder.UNKNOWN);
        assertThat(LeftoverPostmaster.holder(info("/usr/bin/postgres"), here)).isEqualTo(LeftoverPostmaster.Holder.UNKNOWN);
        assertThat(LeftoverPostmaster.holder(info("/usr/bin/python3", "-D", "/data/here/postgres"), here))
                .isEqualTo(LeftoverPostmaster.Holder.UNKNOWN);
        assertThat(LeftoverPostmaster.holder(info(null), here)).isEqualTo(LeftoverPostmaster.Holder.UNKNOWN);
    }

    /** What the JDK would report of a process: its program and arguments. */
    private static ProcessHandle.Info info(String command, String... arguments) {
        return new ProcessHandle.Info() {
            @Override
            public Optional<String> command() {
                return Optional.ofNullable(command);
            }

            @Override
            public Optional<String> commandLine() {
                return Optional.empty();
            }

            @Override
            public Optional<String[]> arguments() {
                return command == null ? Optional.empty() : Optional.of(arguments);
            }

            @Override
            public Optional<Instant> startInstant() {
                return Optional.empty();
            }

            @Override
            public Optional<Duration> totalCpuDuration() {
                return Optional.empty();
            }

            @Override
            public Optional<String> user() {
                return Optional.empty();
            }
        };
    }
}
