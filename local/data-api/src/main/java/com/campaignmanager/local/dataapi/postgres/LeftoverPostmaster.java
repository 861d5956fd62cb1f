package com.campaignmanager.local.dataapi.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL left behind in a data directory. pg_ctl starts the server in a session of its own, so when the JVM
 * that started it dies without stopping it (SIGKILL, out of memory, a closed terminal) the server keeps running
 * and holds {@code postmaster.pid}, and the next start on that directory fails. Before a start this stops that
 * server cleanly, or removes a lock file whose process is gone, and touches nothing that is not the server of
 * this directory.
 */
final class LeftoverPostmaster {
    static final String PID_FILE = "postmaster.pid";
    /** zonky holds a lock on this file for as long as its server runs. */
    private static final String RUNNER_LOCK = "epg-lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    /** Who the process named in postmaster.pid is. */
    enum Holder { THIS_DIRECTORY_SERVER, SOMETHING_ELSE, UNKNOWN }

    private LeftoverPostmaster() {
    }

    /**
     * Clears {@code dataDirectory} for a start; returns a line for people when it had to, empty when there was
     * nothing to do or the server there belongs to a process that is still running (zonky then refuses to start).
     *
     * @throws IllegalStateException when a running process holds the lock file and cannot be told apart from
     *                               this directory's server, or the server does not stop
     */
    static Optional<String> clear(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Path pidFile = directory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(directory.resolve(RUNNER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return Optional.empty(); // another live process runs this directory's server
            }
            return Optional.of(clearUnowned(directory, pidFile));
        } catch (OverlappingFileLockException thisJvmRunsIt) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check " + pidFile, e);
        }
    }

    /** The lock file is there and no live runner owns the directory. */
    private static String clearUnowned(Path directory, Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).trim());
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return "recovered: removed an unreadable " + PID_FILE + " in " + directory;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // What PostgreSQL itself does with the lock file of a server that is gone.
            Files.deleteIfExists(pidFile);
            return "recovered: removed the lock file of a PostgreSQL that is no longer running (pid " + pid + ") in "
                    + directory;
        }
        return switch (holder(process.get().info(), directory)) {
            case THIS_DIRECTORY_SERVER -> {
                stop(process.get(), pidFile);
                yield "recovered: stopped a PostgreSQL left running by an earlier runner (pid " + pid + ") in "
                        + directory;
            }
            case SOMETHING_ELSE -> {
                // The server is gone and its pid now belongs to another program: that program is left alone.
                Files.deleteIfExists(pidFile);
                yield "recovered: removed the lock file of a PostgreSQL that is no longer running (pid " + pid
                        + " is now another program) in " + directory;
            }
            case UNKNOWN -> throw new IllegalStateException(PID_FILE + " in " + directory + " names pid " + pid
                    + ", a running process that cannot be confirmed as this directory's PostgreSQL: stop it "
                    + "(kill -INT " + pid + ") if it is, or delete " + pidFile + " if it is not, then start again");
        };
    }

    /**
     * Decided from the process itself: its program and the {@code -D} it was started with (absolute, as
     * EmbeddedPostgresServer passes it). Only a postgres started on this directory is stopped; a program that is
     * plainly something else is left alone; anything in between is for the user to decide.
     */
    static Holder holder(ProcessHandle.Info info, Path directory) {
        Optional<String> command = info.command();
        if (command.isEmpty()) {
            return Holder.UNKNOWN;
        }
        Path program = Path.of(command.get()).getFileName();
        // On Linux a server whose unpacked binaries were deleted since shows as "postgres (deleted)".
        boolean postgres = program != null && program.toString().startsWith("postgres");
        Optional<Path> served = dataDirectoryArgument(info.arguments().orElse(new String[0]));
        boolean thisDirectory = served.filter(Path::isAbsolute).filter(d -> sameDirectory(d, directory)).isPresent();
        if (postgres && thisDirectory) {
            return Holder.THIS_DIRECTORY_SERVER;
        }
        if (thisDirectory || postgres && served.filter(Path::isAbsolute).isEmpty()) {
            return Holder.UNKNOWN;
        }
        return Holder.SOMETHING_ELSE;
    }

    private static Optional<Path> dataDirectoryArgument(String[] arguments) {
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D")) {
                return Optional.of(Path.of(arguments[i + 1]));
            }
        }
        return Optional.empty();
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.normalize().equals(b.normalize());
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown, what {@code pg_ctl stop -m fast} sends; it ends with the lock file gone. */
    private static void stop(ProcessHandle postmaster, Path pidFile) throws IOException {
        long pid = postmaster.pid();
        int signalled;
        try {
            signalled = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + pid + ")", e);
        }
        if (signalled != 0) {
            throw new IllegalStateException("Could not signal PostgreSQL (pid " + pid + ") left running in "
                    + pidFile.getParent() + ": stop it and start again");
        }
        Instant deadline = Instant.now().plus(STOP_WAIT);
        while (postmaster.isAlive() && Files.exists(pidFile)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") left running in " + pidFile.getParent()
                        + " did not stop within " + STOP_WAIT.toSeconds() + " s: stop it and start again");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + pid + ")", e);
            }
        }
        Files.deleteIfExists(pidFile); // a server that died in its shutdown leaves it behind
    }
}
