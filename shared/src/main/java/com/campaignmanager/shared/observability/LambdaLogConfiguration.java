package com.campaignmanager.shared.observability;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.AbstractConfiguration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;

/**
 * The functions' logging: every event one line of JSON on standard output in Powertools' Lambda format
 * ({@code LambdaJsonLayout.json}, whose {@code powertools} fields Powertools' resolver fills), at
 * {@code POWERTOOLS_LOG_LEVEL} (default INFO for our code and WARN for libraries).
 *
 * <p>Built by code, not read from a configuration file: log4j builds a file's appenders, layouts and loggers by
 * reflection over its plugins' annotations (every annotation a dynamic proxy class, every builder field injected),
 * about a third of its start, on the main thread of every cold start. Here they are made by their builders.
 * {@code log4j2.configurationFile} still wins where it is set (the local runner's readable lines).
 */
final class LambdaLogConfiguration extends AbstractConfiguration {
    static final String LEVEL = "POWERTOOLS_LOG_LEVEL";
    static final String EVENT_TEMPLATE = "classpath:LambdaJsonLayout.json";
    static final String APPLICATION_LOGGER = "com.campaignmanager";
    /** Outside Lambda (tests, local runs) the EMF library warns on every flush that it cannot tell its environment. */
    static final String EMF_LOGGER = "software.amazon.cloudwatchlogs";

    private final String level;

    LambdaLogConfiguration(LoggerContext context, String level) {
        super(context, ConfigurationSource.NULL_SOURCE);
        this.level = level;
        setName("campaign-manager-lambda");
    }

    @Override
    protected void doConfigure() {
        // Standard output, as the builder's defaults are, without its check of its fields' annotations.
        Appender console = ConsoleAppender.createDefaultAppenderForLayout(JsonTemplateLayout.newBuilder()
                .setConfiguration(this)
                .setEventTemplateUri(EVENT_TEMPLATE)
                .build());
        addAppender(console);
        addLogger(APPLICATION_LOGGER, logger(APPLICATION_LOGGER, level(Level.INFO), false, console));
        addLogger(EMF_LOGGER, logger(EMF_LOGGER, Level.ERROR, true, null));
        LoggerConfig root = getRootLogger();
        root.setLevel(level(Level.WARN));
        root.addAppender(console, null, null);
    }

    /** An unknown or empty level is the default (Lambda's own LogLevel values are all log4j's too). */
    private Level level(Level otherwise) {
        return Level.toLevel(level == null ? "" : level.trim(), otherwise);
    }

    private LoggerConfig logger(String name, Level level, boolean additive, Appender appender) {
        LoggerConfig logger = LoggerConfig.newBuilder()
                .withLoggerName(name)
                .withLevel(level)
                .withAdditivity(additive)
                .withConfig(this)
                .build();
        if (appender != null) {
            logger.addAppender(appender, null, null);
        }
        return logger;
    }
}
