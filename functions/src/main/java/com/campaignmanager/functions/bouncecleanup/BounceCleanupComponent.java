package com.campaignmanager.functions.bouncecleanup;

import com.campaignmanager.shared.audience.BounceCleanup;
import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.notifications.NotificationsModule;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, NotificationsModule.class})
interface BounceCleanupComponent {

    JobRunner jobRunner();

    BounceCleanup cleanup();

    static BounceCleanupComponent create() {
        return DaggerBounceCleanupComponent.create();
    }
}
