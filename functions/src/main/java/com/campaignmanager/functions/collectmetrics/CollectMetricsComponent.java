package com.campaignmanager.functions.collectmetrics;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.RoundMetrics;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
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

    /** Priming: a scheduled event read and a result written through the job's JSON; the job itself does not run. */
    static Priming priming(JobRunner runner) {
        return Priming.of(PrimingCall.job(runner));
    }
}
