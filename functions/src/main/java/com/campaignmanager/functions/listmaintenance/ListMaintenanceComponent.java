package com.campaignmanager.functions.listmaintenance;

import com.campaignmanager.shared.audience.Upkeep;
import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.RetentionSettings;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.notifications.NotificationsModule;
import com.campaignmanager.shared.observability.Observability;
import com.campaignmanager.shared.settings.SettingsModule;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, NotificationsModule.class})
interface ListMaintenanceComponent {

    JobRunner jobRunner();

    Upkeep upkeep();

    RetentionSettings retention();

    static ListMaintenanceComponent create() {
        return DaggerListMaintenanceComponent.create();
    }

    /** Priming: a scheduled event read and a result written through the job's JSON; the job itself does not run. */
    static Priming priming(JobRunner runner) {
        return Priming.of(PrimingCall.job(runner));
    }

    /** Over {@code environment} instead of the function's own (tests). */
    static ListMaintenanceComponent create(Environment environment) {
        return DaggerListMaintenanceComponent.builder().settingsModule(new SettingsModule(environment)).build();
    }
}
