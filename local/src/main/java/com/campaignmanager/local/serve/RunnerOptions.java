package com.campaignmanager.local.serve;

import com.campaignmanager.local.dataapi.LoopbackHost;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Flags shared by {@code serve} and {@code invoke}. With {@code jdbcUrl} the runner uses that PostgreSQL instead of
 * the embedded one (whose data lives in {@code dataDir/postgres}); the signing key is in {@code dataDir} either way.
 * {@code allowRemote} lets {@code host} be an address other machines can reach.
 */
public record RunnerOptions(String host, int port, Path dataDir, boolean fresh, Path template,
                            String jdbcUrl, String dbUser, String dbPassword, String database, boolean allowRemote) {
    static final int DEFAULT_PORT = 3000;
    static final Path DEFAULT_DATA_DIR = Path.of(".local");

    public static RunnerOptions defaults() {
        return new RunnerOptions("127.0.0.1", DEFAULT_PORT, DEFAULT_DATA_DIR, false, null, null, null, null,
                "campaigns", false);
    }

    public RunnerOptions withPort(int value) {
        return new RunnerOptions(host, value, dataDir, fresh, template, jdbcUrl, dbUser, dbPassword, database,
                allowRemote);
    }

    public RunnerOptions withHost(String value) {
        return new RunnerOptions(value, port, dataDir, fresh, template, jdbcUrl, dbUser, dbPassword, database,
                allowRemote);
    }

    public RunnerOptions withDataDir(Path value) {
        return new RunnerOptions(host, port, value, fresh, template, jdbcUrl, dbUser, dbPassword, database,
                allowRemote);
    }

    public RunnerOptions withTemplate(Path value) {
        return new RunnerOptions(host, port, dataDir, fresh, value, jdbcUrl, dbUser, dbPassword, database,
                allowRemote);
    }

    public RunnerOptions withPostgres(String url, String user, String password, String databaseName) {
        return new RunnerOptions(host, port, dataDir, fresh, template, url, user, password, databaseName,
                allowRemote);
    }

    /**
     * Why the runner must not listen on {@code host}: the runner's {@code /_local/} endpoints run any function with
     * any event, without a token, so only this machine may reach them unless the user says otherwise.
     */
    public Optional<String> hostRefusal() {
        if (allowRemote || LoopbackHost.is(host)) {
            return Optional.empty();
        }
        return Optional.of("--host " + host + " is not a loopback address (127.0.0.0/8, ::1, localhost): other "
                + "machines could run any function through /_local/; pass --allow-remote as well to listen there");
    }

    /** Reads the flag at {@code args[i]} into {@code options[0]}; returns how many arguments it took, 0 if not ours. */
    static int parse(String[] args, int i, RunnerOptions[] options) {
        RunnerOptions o = options[0];
        String flag = args[i];
        if (flag.equals("--fresh")) {
            options[0] = new RunnerOptions(o.host, o.port, o.dataDir, true, o.template, o.jdbcUrl, o.dbUser,
                    o.dbPassword, o.database, o.allowRemote);
            return 1;
        }
        if (flag.equals("--allow-remote")) {
            options[0] = new RunnerOptions(o.host, o.port, o.dataDir, o.fresh, o.template, o.jdbcUrl, o.dbUser,
                    o.dbPassword, o.database, true);
            return 1;
        }
        if (i + 1 >= args.length) {
            return 0;
        }
        String value = args[i + 1];
        switch (flag) {
            case "--port" -> options[0] = o.withPort(Integer.parseInt(value));
            case "--host" -> options[0] = o.withHost(value);
            case "--data-dir" -> options[0] = o.withDataDir(Path.of(value));
            case "--template" -> options[0] = o.withTemplate(Path.of(value));
            case "--jdbc-url" -> options[0] = o.withPostgres(value, o.dbUser, o.dbPassword, o.database);
            case "--db-user" -> options[0] = o.withPostgres(o.jdbcUrl, value, o.dbPassword, o.database);
            case "--db-password" -> options[0] = o.withPostgres(o.jdbcUrl, o.dbUser, value, o.database);
            case "--database" -> options[0] = o.withPostgres(o.jdbcUrl, o.dbUser, o.dbPassword, value);
            default -> {
                return 0;
            }
        }
        return 2;
    }
}
