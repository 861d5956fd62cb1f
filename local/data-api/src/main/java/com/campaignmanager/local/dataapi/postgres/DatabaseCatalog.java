package com.campaignmanager.local.dataapi.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/** Lists and creates databases on the server, over short-lived connections to its maintenance database. */
public final class DatabaseCatalog {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final PostgresServer server;

    public DatabaseCatalog(PostgresServer server) {
        this.server = server;
    }

    public boolean exists(String database) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Creates the database unless it exists. Names are limited to plain identifiers. */
    public void createIfMissing(String database) throws SQLException {
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain database name (letters, digits, _ and $, at most 63): " + database);
        }
        if (exists(database)) {
            return;
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("create database \"" + database + "\"");
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // created meanwhile by someone else: fine
                throw e;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        properties.setProperty("password", server.password() == null ? "" : server.password());
        properties.setProperty("ApplicationName", "local-data-api-admin");
        return DriverManager.getConnection(server.jdbcUrl(server.maintenanceDatabase()), properties);
    }
}
