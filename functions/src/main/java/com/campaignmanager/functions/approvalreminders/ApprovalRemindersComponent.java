package com.campaignmanager.functions.approvalreminders;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.ApprovalReminderSettings;
import com.campaignmanager.shared.campaigns.ApprovalReminders;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.notifications.NotificationsModule;
import com.campaignmanager.shared.settings.SettingsModule;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, JsonModule.class, EmailModule.class, NotificationsModule.class,
        ApprovalRemindersComponent.FunctionSettingsModule.class})
interface ApprovalRemindersComponent {

    JobRunner jobRunner();

    ApprovalReminders reminders();

    static ApprovalRemindersComponent create() {
        return DaggerApprovalRemindersComponent.create();
    }

    /** Priming: a scheduled event read and a result written through the job's JSON; the job itself does not run. */
    static Priming priming(JobRunner runner) {
        return Priming.of(PrimingCall.job(runner));
    }

    /** Over {@code environment} instead of the function's own (tests). */
    static ApprovalRemindersComponent create(Environment environment) {
        return DaggerApprovalRemindersComponent.builder().settingsModule(new SettingsModule(environment)).build();
    }

    @Module
    final class FunctionSettingsModule {
        private FunctionSettingsModule() {
        }

        @Provides
        @Singleton
        static ApprovalReminderSettings settings(Environment environment) {
            return ApprovalReminderSettings.from(environment);
        }
    }
}
