package com.campaignmanager.shared.aws;

import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.RetryPolicy;
import com.campaignmanager.shared.settings.SettingsModule;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * The database side of every function's component: one settings object, one client, one {@link Database}; and,
 * since every component has it, the {@link SettingsModule} its settings come from.
 */
@Module(includes = SettingsModule.class)
public final class DataApiModule {
    private DataApiModule() {
    }

    @Provides
    @Singleton
    static DatabaseSettings databaseSettings(Environment environment) {
        return DatabaseSettings.from(environment);
    }

    @Provides
    @Singleton
    static RdsDataClient rdsDataClient(DatabaseSettings settings) {
        return RdsDataClientFactory.create(settings);
    }

    @Provides
    @Singleton
    static Database database(RdsDataClient client, DatabaseSettings settings) {
        return new Database(client, settings, RetryPolicy.standard());
    }
}
