package com.campaignmanager.local.deploy;

import com.campaignmanager.functions.healthmonitor.HealthMonitorHandler;
import com.campaignmanager.local.lambda.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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
        System.exit(0);
    }
}
