package com.campaignmanager.local.dataapi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code data-api}: runs the local Data API until the JVM is stopped (Ctrl-C, SIGTERM), then stops it cleanly.
 * <pre>
 * data-api [--port N] [--host H [--allow-remote]] [--data-dir DIR] [--jdbc-url URL --db-user U --db-password P]
 *          [--cluster-arn A] [--secret-arn A] [--database D] [--max-connections N]
 * </pre>
 * Like {@code serve}, it listens on loopback only unless {@code --allow-remote} comes with another {@code --host}:
 * it checks no caller, and its ARNs are no secret, so whoever reaches it can run any SQL.
 */
public final class LocalDataApiCommand {
    static final int USAGE_ERROR = 2;
    private static final String ALLOW_REMOTE = "--allow-remote";
    private static final Set<String> FLAGS = Set.of("--port", "--host", "--data-dir", "--jdbc-url", "--db-user",
            "--db-password", "--cluster-arn", "--secret-arn", "--database", "--max-connections");

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: data-api [--port N] [--host H [--allow-remote]] [--data-dir DIR]",
            "                [--jdbc-url URL --db-user U --db-password P]",
            "                [--cluster-arn A] [--secret-arn A] [--database D] [--max-connections N]",
            "  --port N             HTTP port (default 8080; 0 picks a free one)",
            "  --host H             address to bind (default 127.0.0.1); one other than loopback needs --allow-remote",
            "  --allow-remote       let --host be an address other machines can reach (they can run any SQL)",
            "  --data-dir DIR       embedded PostgreSQL data lives in DIR/postgres and survives restarts (default .local)",
            "  --jdbc-url URL       use this PostgreSQL instead of the embedded one (jdbc:postgresql://host:port/db)",
            "  --db-user U          user for --jdbc-url (default postgres)",
            "  --db-password P      password for --jdbc-url",
            "  --cluster-arn A      the resourceArn to answer to",
            "  --secret-arn A       the secretArn to accept",
            "  --database D         default database, created if missing (default campaigns)",
            "  --max-connections N  PostgreSQL sessions per database at most (default 10)");

    private LocalDataApiCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Starts, prints where it listens, then blocks until the JVM shuts down. Bad flags: usage on stderr, 2. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, LocalDataApiCommand::awaitShutdown);
    }

    /** As {@link #run(String[])}, with the wait replaced (tests make calls, then return to stop it). */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<LocalDataApi> whileRunning) {
        LocalDataApiConfig config;
        try {
            config = parse(args);
        } catch (HelpRequested help) {
            out.println(USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("data-api: " + e.getMessage());
            err.println(USAGE);
            return USAGE_ERROR;
        }
        try (LocalDataApi api = LocalDataApi.start(config)) {
            api.postgresRecovery().ifPresent(out::println);
            out.println("Local RDS Data API (Aurora PostgreSQL) on " + api.postgresDescription());
            out.println("  resourceArn: " + api.clusterArn());
            out.println("  secretArn:   " + api.secretArn());
            out.println("  database:    " + api.database());
            out.println("Listening on " + api.endpoint() + " (Ctrl-C to stop)");
            if (!LoopbackHost.is(config.host())) {
                out.println("warning: " + ALLOW_REMOTE + ": whoever can reach " + config.host() + " can run any SQL");
            }
            out.flush();
            whileRunning.accept(api);
        } catch (IllegalStateException e) {
            err.println("data-api: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    static LocalDataApiConfig parse(String[] args) {
        LocalDataApiConfig config = LocalDataApiConfig.defaults().withPort(8080).withDataDir(Path.of(".local"));
        boolean allowRemote = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals(ALLOW_REMOTE)) {
                allowRemote = true;
                continue;
            }
            String value = null;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new HelpRequested();
            }
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException(flag.startsWith("-") ? "unknown flag " + flag : "unexpected argument " + flag);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                value = args[++i];
            }
            config = apply(config, flag, value);
        }
        if (!allowRemote && !LoopbackHost.is(config.host())) {
            throw new IllegalArgumentException("--host " + config.host() + " is not a loopback address (127.0.0.0/8,"
                    + " ::1, localhost): other machines could run any SQL through it; pass " + ALLOW_REMOTE
                    + " as well to listen there");
        }
        return config;
    }

    private static LocalDataApiConfig apply(LocalDataApiConfig config, String flag, String value) {
        switch (flag) {
            case "--port":
                return config.withPort(number(flag, value));
            case "--host":
                return config.withHost(value);
            case "--data-dir":
                return config.withDataDir(Path.of(value));
            case "--jdbc-url":
                return config.withJdbcUrl(value);
            case "--db-user":
                return config.withDbUser(value);
            case "--db-password":
                return config.withDbPassword(value);
            case "--cluster-arn":
                return config.withClusterArn(value);
            case "--secret-arn":
                return config.withSecretArn(value);
            case "--database":
                return config.withDatabase(value);
            case "--max-connections":
                return config.withMaxConnections(number(flag, value));
            default:
                throw new IllegalArgumentException("unknown flag " + flag);
        }
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + value);
        }
    }

    private static void awaitShutdown(LocalDataApi api) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close(); // PostgreSQL stopped cleanly before the JVM goes
            stopped.countDown();
        }, "data-api-command-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** --help: usage on stdout, exit 0. */
    private static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
