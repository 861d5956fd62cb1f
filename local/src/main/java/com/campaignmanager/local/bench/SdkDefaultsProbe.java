package com.campaignmanager.local.bench;

import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.RetryPolicy;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * The same work with the client built from SDK defaults ({@code RdsDataClient.create()}): the default HTTP client
 * (Apache 5, what rdsdata brings), the default credentials and region chains. The endpoint comes from {@code AWS_ENDPOINT_URL}.
 */
public final class SdkDefaultsProbe {
    private SdkDefaultsProbe() {
    }

    public static void main(String[] args) {
        ProbeReport report = new ProbeReport();
        DatabaseSettings settings = DatabaseSettings.from(Environment.system());
        report.step("config");
        RdsDataClient client = RdsDataClient.create();
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
