package com.campaignmanager.functions.healthmonitor;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.aws.SqsModule;
import com.campaignmanager.shared.aws.SqsSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, SqsModule.class, JsonModule.class,
        HealthMonitorComponent.FunctionSettingsModule.class})
interface HealthMonitorComponent {

    JobRunner jobRunner();

    HealthMonitorJob job();

    /** Nothing needs it at start (the client is built on first use), so the handler asks for it: read at init. */
    SqsSettings sqsSettings();

    static HealthMonitorComponent create() {
        return DaggerHealthMonitorComponent.create();
    }

    /** Priming: a scheduled event read and a result written through the job's JSON; the job itself does not run. */
    static Priming priming(JobRunner runner) {
        return Priming.of(PrimingCall.job(runner));
    }

    @Module
    final class FunctionSettingsModule {
        private FunctionSettingsModule() {
        }

        @Provides
        @Singleton
        static DeadLetterQueueSettings deadLetterQueueSettings(Environment environment) {
            return DeadLetterQueueSettings.from(environment);
        }
    }
}
