package com.campaignmanager.local.bench;

import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * The health request with the client built from SDK defaults ({@code RdsDataClient.create()}): the default HTTP
 * client (Apache 5, which rdsdata depends on), the default credentials and region chains. The endpoint comes from
 * {@code AWS_ENDPOINT_URL}.
 */
public final class SdkDefaultsProbe {
    private SdkDefaultsProbe() {
    }

    public static void main(String[] args) {
        ProbeReport report = new ProbeReport();
        DatabaseSettings settings = DatabaseSettings.from(Environment.system());
        RdsDataClient client = RdsDataClient.create();
        report.step("client");
        HealthRequest.answer(client, settings);
        report.step("firstCall");
        report.printAndExit();
    }
}
