package com.campaignmanager.local.bench;

import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiConfig;
import com.campaignmanager.shared.aws.RdsDataClientFactory;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.RetryPolicy;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import java.util.Optional;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * What the data benchmarks stand on: a temporary local Data API with the schema migrated, reached by the
 * functions' own client and {@link Database}, exactly as a function reaches Aurora.
 */
final class BenchDatabase implements AutoCloseable {
    private final LocalDataApi dataApi;
    private final RdsDataClient client;
    private final Database database;

    private BenchDatabase(LocalDataApi dataApi, RdsDataClient client, Database database) {
        this.dataApi = dataApi;
        this.client = client;
        this.database = database;
    }

    static BenchDatabase start() {
        LocalDataApi dataApi = LocalDataApi.start(LocalDataApiConfig.defaults());
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        DatabaseSettings settings = new DatabaseSettings(dataApi.clusterArn(), dataApi.secretArn(), dataApi.database(),
                "us-east-1", Optional.of(dataApi.endpoint()));
        RdsDataClient client = RdsDataClientFactory.create(settings);
        Database database = new Database(client, settings, RetryPolicy.standard());
        new MigrationRunner(database, Migrations.fromClasspath()).migrate();
        return new BenchDatabase(dataApi, client, database);
    }

    Database database() {
        return database;
    }

    LocalDataApi dataApi() {
        return dataApi;
    }

    @Override
    public void close() {
        client.close();
        dataApi.close();
    }
}
