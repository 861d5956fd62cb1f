package com.campaignmanager.local.bench;

import com.campaignmanager.shared.aws.RdsDataClientFactory;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.RetryPolicy;
import java.time.Duration;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** Our client configuration with {@code AwsCrtHttpClient} instead of {@code UrlConnectionHttpClient}: the choice we measured. */
public final class CrtClientProbe {
    private CrtClientProbe() {
    }

    public static void main(String[] args) {
        ProbeReport report = new ProbeReport();
        DatabaseSettings settings = DatabaseSettings.from(Environment.system());
        report.step("config");
        RdsDataClient client = RdsDataClientFactory.create(settings, AwsCrtHttpClient.builder()
                .maxConcurrency(4)
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
        report.step("client");
        Database database = new Database(client, settings, RetryPolicy.standard());
        long up = database.querySingle("SELECT 1 AS up", Params.of(), row -> row.longValue("up"));
        if (up != 1) {
            throw new IllegalStateException("SELECT 1 answered " + up);
        }
        report.step("firstCall");
        report.printAndExit();
    }
}
