package com.campaignmanager.local.bench;

import com.campaignmanager.shared.aws.RdsDataClientFactory;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import java.time.Duration;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** The health request with our client configuration over {@code AwsCrtHttpClient}: the HTTP client we measured against. */
public final class CrtClientProbe {
    private CrtClientProbe() {
    }

    public static void main(String[] args) {
        ProbeReport report = new ProbeReport();
        DatabaseSettings settings = DatabaseSettings.from(Environment.system());
        RdsDataClient client = RdsDataClientFactory.create(settings, AwsCrtHttpClient.builder()
                .maxConcurrency(4)
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
        report.step("client");
        HealthRequest.answer(client, settings);
        report.step("firstCall");
        report.printAndExit();
    }
}
