package com.campaignmanager.local.dataapi.engine;

import com.campaignmanager.local.dataapi.postgres.DatabaseCatalog;
import com.campaignmanager.local.dataapi.postgres.PostgresServer;
import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One bounded HikariCP pool per database served, opened on first use. The Data API owns these sessions: however
 * many callers there are, PostgreSQL sees at most {@code maxConnections} sessions per database.
 */
public final class DatabasePools implements AutoCloseable {
    /** Lets tests and people tell the Data API's sessions apart in pg_stat_activity. */
    public static final String APPLICATION_NAME = "local-data-api";

    private final PostgresServer server;
    private final DatabaseCatalog catalog;
    private final int maxConnections;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    public DatabasePools(PostgresServer server, DatabaseCatalog catalog, int maxConnections) {
        this.server = server;
        this.catalog = catalog;
        this.maxConnections = maxConnections;
    }

    /** The pool for a database; an unknown database fails as the service fails (its message, SQLState 3D000). */
    public HikariDataSource pool(String database) {
        HikariDataSource pool = pools.get(database);
        if (pool != null) {
            return pool;
        }
        synchronized (pools) {
            pool = pools.get(database);
            if (pool == null) {
                requireExisting(database);
                pool = open(database);
                pools.put(database, pool);
            }
            return pool;
        }
    }

    private void requireExisting(String database) {
        boolean exists;
        try {
            exists = catalog.exists(database);
        } catch (SQLException e) {
            throw new DataApiException("DatabaseUnavailableException", 504,
                    "Could not reach PostgreSQL: " + e.getMessage());
        }
        if (!exists) {
            throw DataApiException.databaseError("ERROR: database \"" + database + "\" does not exist; SQLState: 3D000");
        }
    }

    private HikariDataSource open(String database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("data-api-" + database);
        config.setJdbcUrl(server.jdbcUrl(database));
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setMaximumPoolSize(maxConnections);
        config.setMinimumIdle(0); // databases made per test class should not keep sessions once idle
        config.setIdleTimeout(30_000);
        // The call's own statement timeout ends a long wait first (by interrupting it).
        config.setConnectionTimeout(120_000);
        config.setConnectionInitSql("set time zone 'UTC'");
        // Text results: values come back exactly as PostgreSQL prints them, whatever pgjdbc would do in binary.
        config.addDataSourceProperty("binaryTransfer", "false");
        config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        synchronized (pools) {
            pools.values().forEach(HikariDataSource::close);
            pools.clear();
        }
    }
}
