package com.campaignmanager.shared.settings;

import com.campaignmanager.shared.audience.SoftBounceSettings;
import com.campaignmanager.shared.audience.UnsubscribeSigningKey;
import com.campaignmanager.shared.campaigns.SendSettings;
import com.campaignmanager.shared.campaigns.SenderDomains;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.PublicApiUrl;
import com.campaignmanager.shared.config.RetentionSettings;
import com.campaignmanager.shared.observability.ObservabilitySettings;
import com.campaignmanager.shared.team.FirstAdmin;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * The one place that reads the process environment: every component gets its {@link Environment} here (through
 * {@code DataApiModule}, which every component has), and each settings record is built from it once per container,
 * by its own {@code from(Environment)}. The settings of a concern that has a module of its own are provided there
 * (database, SQS, roles claim, notification channels, e-mail provider); those of a single function, in its
 * component. A test builds a component over {@code new SettingsModule(Environment.of(...))}.
 */
@Module
public final class SettingsModule {
    private final Environment environment;

    /** The function's environment variables (or, in-process, the system properties standing in for them). */
    public SettingsModule() {
        this(Environment.system());
    }

    public SettingsModule(Environment environment) {
        this.environment = environment;
    }

    @Provides
    @Singleton
    Environment environment() {
        return environment;
    }

    @Provides
    @Singleton
    static PublicApiUrl publicApiUrl(Environment environment) {
        return PublicApiUrl.from(environment);
    }

    @Provides
    @Singleton
    static RetentionSettings retentionSettings(Environment environment) {
        return RetentionSettings.from(environment);
    }

    @Provides
    @Singleton
    static ObservabilitySettings observabilitySettings(Environment environment) {
        return ObservabilitySettings.from(environment);
    }

    @Provides
    @Singleton
    static FirstAdmin firstAdmin(Environment environment) {
        return FirstAdmin.from(environment);
    }

    @Provides
    @Singleton
    static SoftBounceSettings softBounceSettings(Environment environment) {
        return SoftBounceSettings.from(environment);
    }

    @Provides
    @Singleton
    static UnsubscribeSigningKey unsubscribeSigningKey(Environment environment) {
        return UnsubscribeSigningKey.from(environment);
    }

    @Provides
    @Singleton
    static SenderDomains senderDomains(Environment environment) {
        return SenderDomains.from(environment);
    }

    @Provides
    @Singleton
    static SendSettings sendSettings(Environment environment) {
        return SendSettings.from(environment);
    }
}
