package com.campaignmanager.local.dataapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM of its own on the test classpath (a command as a user runs it), whose output is read as it comes, and
 * which a test can kill as hard as a crash. Tests close it in {@code finally}, and stop the PostgreSQL it may
 * leave behind with {@link #stopPostgres}.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "child-jvm-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Class<?> mainClass, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start());
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process was killed: its output ends here.
        }
    }

    /** The first line so far or within {@code timeout} that matches; fails with the output when none does. */
    public String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        synchronized (output) {
            while (true) {
                Optional<String> line = output.stream().filter(wanted).findFirst();
                if (line.isPresent()) {
                    return line.get();
                }
                long wait = Duration.between(Instant.now(), deadline).toMillis();
                if (wait <= 0 || !reader.isAlive()) {
                    throw new AssertionError("no such line from pid " + process.pid()
                            + (process.isAlive() ? "" : " (exited)") + "; its output:\n" + String.join("\n", output));
                }
                output.wait(Math.min(wait, 200));
            }
        }
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL on Linux and macOS: no shutdown hook runs, as when the JVM is killed, runs out of memory or loses its terminal. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("pid " + process.pid() + " did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * Test cleanup, independent of the code under test: stops the PostgreSQL whose lock file is in {@code pgdata},
     * if one is still running there (SIGTERM, then SIGKILL after 30 s).
     */
    public static void stopPostgres(Path pgdata) throws InterruptedException {
        Optional<ProcessHandle> postmaster = postmaster(pgdata);
        if (postmaster.isEmpty()) {
            return;
        }
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            postmaster.get().destroyForcibly();
        }
    }

    /** The live postgres process named in {@code pgdata/postmaster.pid}, if there is one. */
    public static Optional<ProcessHandle> postmaster(Path pgdata) {
        Path pidFile = pgdata.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                            .orElse(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return Optional.empty(); // a lock file being written or removed right now
        }
    }

    /** The port in {@code pgdata/postmaster.pid} (its fourth line). */
    public static int postgresPort(Path pgdata) throws IOException {
        return Integer.parseInt(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(3).trim());
    }
}
