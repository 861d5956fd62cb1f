package com.campaignmanager.functions.healthmonitor;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.aws.SqsModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, SqsModule.class, JsonModule.class})
interface HealthMonitorComponent {

    JobRunner jobRunner();

    HealthMonitorJob job();

    static HealthMonitorComponent create() {
        return DaggerHealthMonitorComponent.create();
    }
}
