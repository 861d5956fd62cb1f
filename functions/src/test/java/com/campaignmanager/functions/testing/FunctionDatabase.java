package com.campaignmanager.functions.testing;

import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.aws.RdsDataClientFactory;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.RetryPolicy;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import java.util.Optional;

/** The database the handlers under test use, for a test to arrange data and check what a handler left there. */
public final class FunctionDatabase {
    private static Database database;

    private FunctionDatabase() {
    }

    public static synchronized Database get() {
        if (database == null) {
            FunctionEnvironment.migrate();
            DatabaseSettings settings = DatabaseSettings.from(Environment.system());
            database = new Database(RdsDataClientFactory.create(settings), settings, RetryPolicy.standard());
        }
        return database;
    }

    /**
     * A database of its own, migrated, on the JVM's local Data API: for a test whose rule looks at the whole table
     * (e.g. "the last admin"), which other tests' rows in the shared database would blur.
     */
    public static Database fresh(String prefix) {
        FunctionEnvironment.install();
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        DatabaseSettings settings = new DatabaseSettings(dataApi.clusterArn(), dataApi.secretArn(),
                dataApi.createDatabase(prefix), "us-east-1", Optional.of(dataApi.endpoint()));
        Database fresh = new Database(RdsDataClientFactory.create(settings), settings, RetryPolicy.standard());
        new MigrationRunner(fresh, Migrations.fromClasspath()).migrate();
        return fresh;
    }
}
