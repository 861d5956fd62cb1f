package com.campaignmanager.functions.listmaintenance;

import com.campaignmanager.shared.audience.ListMaintenance;
import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.observability.Observability;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class})
interface ListMaintenanceComponent {

    JobRunner jobRunner();

    ListMaintenance maintenance();

    Observability observability();

    static ListMaintenanceComponent create() {
        return DaggerListMaintenanceComponent.create();
    }
}
