package com.campaignmanager.local.dataapi.postgres;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An existing PostgreSQL server, named by a {@code jdbc:postgresql://host[:port]/database[?options]} URL. */
public final class ExternalPostgresServer implements PostgresServer {
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)/([^?]*)(\\?.*)?");

    private final String serverPart;
    private final String database;
    private final String options;
    private final String user;
    private final String password;

    public ExternalPostgresServer(String jdbcUrl, String user, String password) {
        Matcher matcher = URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "Expected a JDBC URL like jdbc:postgresql://host:5432/postgres, got " + jdbcUrl);
        }
        this.serverPart = matcher.group(1);
        this.database = matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
        this.options = matcher.group(3) == null ? "" : matcher.group(3);
        this.user = user;
        this.password = password;
    }

    @Override
    public String jdbcUrl(String database) {
        return serverPart + "/" + database + options;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String maintenanceDatabase() {
        return database;
    }

    @Override
    public String description() {
        return "PostgreSQL at " + jdbcUrl(database);
    }

    @Override
    public void close() {
        // Not ours to stop.
    }
}
