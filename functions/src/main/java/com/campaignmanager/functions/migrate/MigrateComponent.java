package com.campaignmanager.functions.migrate;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, MigrateComponent.MigrationsModule.class})
interface MigrateComponent {

    MigrationRunner migrationRunner();

    static MigrateComponent create() {
        return DaggerMigrateComponent.create();
    }

    @Module
    final class MigrationsModule {
        private MigrationsModule() {
        }

        @Provides
        @Singleton
        static MigrationRunner migrationRunner(Database database) {
            return new MigrationRunner(database, Migrations.fromClasspath());
        }
    }
}
