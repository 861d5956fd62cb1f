package com.campaignmanager.functions.approvalreminders;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.config.ConfigModule;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.notifications.NotificationsModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, EmailModule.class, NotificationsModule.class,
        ApprovalRemindersComponent.SettingsModule.class})
interface ApprovalRemindersComponent {

    JobRunner jobRunner();

    ApprovalRemindersJob job();

    static ApprovalRemindersComponent create() {
        return DaggerApprovalRemindersComponent.create();
    }

    /** Over {@code environment} instead of the function's own (tests). */
    static ApprovalRemindersComponent create(Environment environment) {
        return DaggerApprovalRemindersComponent.builder().configModule(new ConfigModule(environment)).build();
    }

    @Module
    final class SettingsModule {
        private SettingsModule() {
        }

        @Provides
        @Singleton
        static ApprovalReminderSettings settings(Environment environment) {
            return ApprovalReminderSettings.from(environment);
        }
    }
}
