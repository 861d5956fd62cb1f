package com.campaignmanager.shared.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LambdaLogConfigurationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<LoggerContext> contexts = new ArrayList<>();

    @AfterEach
    void stopContexts() {
        contexts.forEach(LoggerContext::stop);
    }

    @Test
    void log4jRunsOnThisConfigurationWhereNoFileIsNamed() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);

        assertThat(context.getConfiguration()).isInstanceOf(LambdaLogConfiguration.class);
        assertThat(ConfigurationFactory.getInstance().getConfiguration(context("any"), "any", null))
                .isInstanceOf(LambdaLogConfiguration.class);
    }

    @Test
    void aFileNamedForLog4jWinsOverTheCode() {
        Configuration named = ConfigurationFactory.getInstance()
                .getConfiguration(context("file"), "file", URI.create("classpath:named-log-configuration.xml"));

        assertThat(named).isNotInstanceOf(LambdaLogConfiguration.class);
        assertThat(named.getName()).isEqualTo("named-file");
        assertThat(new LambdaLogConfigurationFactory().getConfiguration(context("f"), "f", URI.create("file:/x.xml")))
                .as("a location is the file's factory's to read").isNull();
    }

    @Test
    void powertoolsLogLevelSetsOurLoggersAndTheLibraries() {
        Configuration debug = started("DEBUG");

        assertThat(debug.getLoggerConfig("com.campaignmanager.shared.db.Database").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(debug.getLoggerConfig("software.amazon.awssdk.core").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(debug.getLoggerConfig("software.amazon.cloudwatchlogs.emf.Logger").getLevel())
                .as("EMF's warnings outside Lambda").isEqualTo(Level.ERROR);
    }

    @Test
    void anUnsetOrUnknownLevelIsInfoForOurCodeAndWarnForLibraries() {
        for (String level : new String[] {null, "", "LOUD"}) {
            Configuration configuration = started(level);

            assertThat(configuration.getLoggerConfig("com.campaignmanager.functions.health.HealthRoutes").getLevel())
                    .as("level %s", level).isEqualTo(Level.INFO);
            assertThat(configuration.getLoggerConfig("software.amazon.awssdk.core").getLevel()).isEqualTo(Level.WARN);
        }
    }

    @Test
    void ourLoggersWriteOnceNotAgainThroughTheRoot() {
        Configuration configuration = started("INFO");

        assertThat(configuration.getLoggerConfig("com.campaignmanager.x").isAdditive()).isFalse();
        assertThat(configuration.getLoggerConfig("com.campaignmanager.x").getAppenders()).hasSize(1);
        assertThat(configuration.getRootLogger().getAppenders()).hasSize(1);
    }

    @Test
    void anEventIsOneLineOfJsonInPowertoolsLambdaFormat() throws Exception {
        // Its timestamp is UTC, as its 'Z' says, whatever the JVM's zone (log4j2.component.properties).
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        Appender console;
        try {
            console = started("INFO").getRootLogger().getAppenders().values().iterator().next();
        } finally {
            TimeZone.setDefault(zone);
        }
        assertThat(console.getLayout()).isInstanceOf(JsonTemplateLayout.class);
        LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("com.campaignmanager.x").setLevel(Level.ERROR)
                .setMessage(new SimpleMessage("round 7 failed")).setThrown(new IllegalStateException("no sender"))
                .setTimeMillis(1_796_356_289_082L).build();

        String line = (String) console.getLayout().toSerializable(event);

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("ERROR");
        assertThat(json.path("message").asText()).isEqualTo("round 7 failed");
        assertThat(json.path("timestamp").asText()).isEqualTo("2026-12-04T03:51:29.082Z");
        assertThat(json.path("error").path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.path("error").path("message").asText()).isEqualTo("no sender");
        assertThat(json.path("error").path("stack").asText()).contains("LambdaLogConfigurationTest");
        assertThat(json.has("function_request_id")).as("Powertools' fields").isTrue();
    }

    private Configuration started(String level) {
        LoggerContext context = context("level-" + level);
        LambdaLogConfiguration configuration = new LambdaLogConfiguration(context, level);
        context.start(configuration);
        return context.getConfiguration();
    }

    private LoggerContext context(String name) {
        LoggerContext context = new LoggerContext(name);
        contexts.add(context);
        return context;
    }
}
