package com.campaignmanager.local.bench;

import com.campaignmanager.shared.aws.RdsDataClientFactory;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.RetryPolicy;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * Ours, step by step: what the handler's component does on the first request, timed one part at a time
 * (configuration, SDK client, first Data API call).
 */
public final class StepsProbe {
    private StepsProbe() {
    }

    public static void main(String[] args) {
        ProbeReport report = new ProbeReport();
        DatabaseSettings settings = DatabaseSettings.from(Environment.system());
        report.step("config");
        RdsDataClient client = RdsDataClientFactory.create(settings);
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
