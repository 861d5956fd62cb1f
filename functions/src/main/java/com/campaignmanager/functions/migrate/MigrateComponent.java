package com.campaignmanager.functions.migrate;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, MigrateComponent.MigrationsModule.class})
interface MigrateComponent {

    MigrationRunner migrationRunner();

    JobRunner jobRunner();

    SchemaMigrationResource customResources();

    ObjectMapper json();

    static MigrateComponent create() {
        return DaggerMigrateComponent.create();
    }

    /** Priming: a scheduled event read and a result written through the job's JSON; the job itself does not run. */
    static Priming priming(JobRunner runner) {
        return Priming.of(PrimingCall.job(runner));
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
