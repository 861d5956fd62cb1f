package com.campaignmanager.functions.approvalreminders;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.ApprovalReminders;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.notifications.NotificationsModule;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, EmailModule.class, NotificationsModule.class})
interface ApprovalRemindersComponent {

    JobRunner jobRunner();

    ApprovalReminders reminders();

    static ApprovalRemindersComponent create() {
        return DaggerApprovalRemindersComponent.create();
    }
}
