package com.campaignmanager.local.deploy;

import com.campaignmanager.functions.healthmonitor.HealthMonitorHandler;
import com.campaignmanager.local.lambda.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** Runs in a JVM whose classpath starts with the deployable jar: one scheduled invocation, as Lambda would. */
public final class DeployableJarProbe {
    private DeployableJarProbe() {
    }

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HealthMonitorHandler().handleRequest(new ByteArrayInputStream(
                "{\"id\":\"probe-event\",\"detail-type\":\"Scheduled Event\"}".getBytes(StandardCharsets.UTF_8)),
                out, new LocalContext("probe-request", "HealthMonitorFunction", 60));
        System.out.println("RESULT " + out.toString(StandardCharsets.UTF_8));
        // A failure logged with its exception, as the functions log theirs: the JSON layout's exception fields.
        LoggerFactory.getLogger(DeployableJarProbe.class).error("probe failure", new IllegalStateException("probe boom"));
        System.exit(0);
    }
}
