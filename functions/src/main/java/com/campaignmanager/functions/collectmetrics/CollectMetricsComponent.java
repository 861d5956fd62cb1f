package com.campaignmanager.functions.collectmetrics;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.RoundMetrics;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, EmailModule.class})
interface CollectMetricsComponent {

    JobRunner jobRunner();

    RoundMetrics metrics();

    static CollectMetricsComponent create() {
        return DaggerCollectMetricsComponent.create();
    }
}
