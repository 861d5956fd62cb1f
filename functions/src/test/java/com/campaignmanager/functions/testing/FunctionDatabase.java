package com.campaignmanager.functions.testing;

import com.campaignmanager.shared.aws.RdsDataClientFactory;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.RetryPolicy;

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
}
