package com.campaignmanager.shared.notifications;

import com.campaignmanager.shared.config.Environment;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** The notification channels a function's configuration enables. */
@Module
public final class NotificationsModule {
    private NotificationsModule() {
    }

    @Provides
    @Singleton
    static NotificationChannels channels(Environment environment) {
        return NotificationChannels.from(environment);
    }
}
