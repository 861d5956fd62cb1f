package com.campaignmanager.local.dataapi.postgres;

import java.util.Optional;

/** The PostgreSQL server behind the Data API: embedded, or an existing one reached by JDBC URL. */
public interface PostgresServer extends AutoCloseable {

    /** A JDBC URL for one database on this server (user and password are given separately). */
    String jdbcUrl(String database);

    String user();

    String password();

    /** The database administrative connections use (to list and create databases). */
    String maintenanceDatabase();

    /** A line for people: what this server is. */
    String description();

    /** A line for people when something had to be put right before it started (a server left running). */
    default Optional<String> recovery() {
        return Optional.empty();
    }

    @Override
    void close();
}
