package com.campaignmanager.functions.launchduerounds;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.RoundLauncher;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.notifications.NotificationsModule;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, EmailModule.class, NotificationsModule.class})
interface LaunchDueRoundsComponent {

    JobRunner jobRunner();

    RoundLauncher launcher();

    static LaunchDueRoundsComponent create() {
        return DaggerLaunchDueRoundsComponent.create();
    }

    /** Priming: a scheduled event read and a result written through the job's JSON; the job itself does not run. */
    static Priming priming(JobRunner runner) {
        return Priming.of(PrimingCall.job(runner));
    }
}
