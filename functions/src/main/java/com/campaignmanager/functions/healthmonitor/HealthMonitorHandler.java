package com.campaignmanager.functions.healthmonitor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** HealthMonitorFunction: every 5 minutes (EventBridge), the health check as metrics and a log line. */
public final class HealthMonitorHandler implements RequestStreamHandler {
    private static final HealthMonitorComponent COMPONENT = HealthMonitorComponent.create();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        COMPONENT.jobRunner().run(input, output, context, COMPONENT.job()::run);
    }
}
