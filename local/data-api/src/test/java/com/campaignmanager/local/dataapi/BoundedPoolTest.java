package com.campaignmanager.local.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** However many callers there are, PostgreSQL sees at most maxConnections Data API sessions per database. */
@ExtendWith(LocalDataApiExtension.class)
class BoundedPoolTest {
    private static final int CALLERS = 50;
    private static final int CALLS_EACH = 8;

    @Test
    void fiftyConcurrentCallersNeverOpenMoreSessionsThanThePoolAllows() throws Exception {
        LocalDataApi api = LocalDataApiExtension.dataApi();
        String database = api.createDatabase("bounded");
        DataApiTarget target = new DataApiTarget(api.endpoint(), api.clusterArn(), api.secretArn(), database);
        AtomicBoolean calling = new AtomicBoolean(true);
        AtomicInteger mostSessions = new AtomicInteger();

        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        try (RdsDataClient client = target.client()) {
            Future<?> sampling = sampler.submit(() -> {
                sampleSessions(api, database, calling, mostSessions);
                return null;
            });
            List<Future<?>> calls = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                int id = caller;
                calls.add(callers.submit(() -> {
                    for (int call = 0; call < CALLS_EACH; call++) {
                        if ((id + call) % 5 == 0) {
                            String transactionId = client.beginTransaction(b -> b.resourceArn(target.resourceArn())
                                    .secretArn(target.secretArn()).database(database)).transactionId();
                            client.executeStatement(b -> b.resourceArn(target.resourceArn())
                                    .secretArn(target.secretArn()).transactionId(transactionId).sql("select pg_sleep(0.02)"));
                            client.commitTransaction(b -> b.resourceArn(target.resourceArn())
                                    .secretArn(target.secretArn()).transactionId(transactionId));
                        } else {
                            client.executeStatement(b -> b.resourceArn(target.resourceArn())
                                    .secretArn(target.secretArn()).database(database).sql("select pg_sleep(0.05)"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
            calling.set(false);
            sampling.get(10, TimeUnit.SECONDS);
        } finally {
            calling.set(false);
            callers.shutdownNow();
            sampler.shutdownNow();
        }

        int maxConnections = api.config().maxConnections();
        assertThat(mostSessions.get()).isLessThanOrEqualTo(maxConnections).isGreaterThan(1);
    }

    private static void sampleSessions(LocalDataApi api, String database, AtomicBoolean calling,
            AtomicInteger mostSessions) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", api.user());
        credentials.setProperty("password", api.password());
        // Sampled from another database, so the sampler is not one of the sessions counted.
        try (Connection connection = DriverManager.getConnection(api.jdbcUrl("postgres"), credentials);
             PreparedStatement sessions = connection.prepareStatement(
                     "select count(*) from pg_stat_activity where datname = ?")) {
            sessions.setString(1, database);
            while (calling.get()) {
                try (ResultSet rows = sessions.executeQuery()) {
                    rows.next();
                    mostSessions.accumulateAndGet(rows.getInt(1), Math::max);
                }
            }
        }
    }
}
