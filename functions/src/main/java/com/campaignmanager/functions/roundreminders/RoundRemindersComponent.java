package com.campaignmanager.functions.roundreminders;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.RoundReminders;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.notifications.NotificationsModule;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, EmailModule.class, NotificationsModule.class})
interface RoundRemindersComponent {

    JobRunner jobRunner();

    RoundReminders reminders();

    static RoundRemindersComponent create() {
        return DaggerRoundRemindersComponent.create();
    }
}
