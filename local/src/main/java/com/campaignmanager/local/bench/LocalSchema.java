package com.campaignmanager.local.bench;

import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.shared.aws.RdsDataClientFactory;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.RetryPolicy;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import java.util.Optional;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** The functions' schema migrated into a database of a local Data API, through their own client, as on Aurora. */
public final class LocalSchema {
    private LocalSchema() {
    }

    public static void migrate(LocalDataApi dataApi, String database) {
        DatabaseSettings settings = new DatabaseSettings(dataApi.clusterArn(), dataApi.secretArn(), database,
                "us-east-1", Optional.of(dataApi.endpoint()));
        // The local Data API checks no signature; the client still needs keys to sign with.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try (RdsDataClient client = RdsDataClientFactory.create(settings)) {
            new MigrationRunner(new Database(client, settings, RetryPolicy.standard()), Migrations.fromClasspath())
                    .migrate();
        }
    }
}
