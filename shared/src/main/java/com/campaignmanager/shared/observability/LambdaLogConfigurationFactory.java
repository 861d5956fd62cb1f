package com.campaignmanager.shared.observability;

import java.net.URI;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;

/**
 * Gives log4j {@link LambdaLogConfiguration} where no configuration file is named; chosen by
 * {@code log4j2.configurationFactory} in {@code log4j2.component.properties}. A named file
 * ({@code log4j2.configurationFile}, the local runner's) is left to the factory of its kind.
 */
public final class LambdaLogConfigurationFactory extends ConfigurationFactory {
    private static final String[] ANY_TYPE = {"*"};

    @Override
    protected String[] getSupportedTypes() {
        return ANY_TYPE;
    }

    @Override
    public Configuration getConfiguration(LoggerContext context, String name, URI location) {
        return location == null ? new LambdaLogConfiguration(context, System.getenv(LambdaLogConfiguration.LEVEL)) : null;
    }

    /** A configuration source is a file: its own factory reads it. */
    @Override
    public Configuration getConfiguration(LoggerContext context, ConfigurationSource source) {
        return null;
    }
}
