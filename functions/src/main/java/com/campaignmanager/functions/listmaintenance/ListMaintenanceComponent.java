package com.campaignmanager.functions.listmaintenance;

import com.campaignmanager.shared.audience.Upkeep;
import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.notifications.NotificationsModule;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, NotificationsModule.class})
interface ListMaintenanceComponent {

    JobRunner jobRunner();

    Upkeep upkeep();

    static ListMaintenanceComponent create() {
        return DaggerListMaintenanceComponent.create();
    }
}
