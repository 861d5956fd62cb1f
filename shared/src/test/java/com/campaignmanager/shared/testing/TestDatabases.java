package com.campaignmanager.shared.testing;

import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.aws.RdsDataClientFactory;
import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** A fresh database on the JVM's one local Data API, reached exactly as a function reaches Aurora. */
public final class TestDatabases {
    /** Retries without waiting, so fault-injection tests stay fast. */
    public static final RetryPolicy NO_WAIT = new RetryPolicy(5, Duration.ZERO, Duration.ZERO, d -> { });

    private TestDatabases() {
    }

    public record TestDatabase(LocalDataApi dataApi, DatabaseSettings settings, RdsDataClient client,
                               Database database) {
    }

    public static TestDatabase create(String prefix) {
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        // Static credentials for the SDK's signer; the local endpoint does not check them.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        DatabaseSettings settings = new DatabaseSettings(dataApi.clusterArn(), dataApi.secretArn(),
                dataApi.createDatabase(prefix), "us-east-1", Optional.of(dataApi.endpoint()));
        RdsDataClient client = RdsDataClientFactory.create(settings);
        return new TestDatabase(dataApi, settings, client, new Database(client, settings, NO_WAIT));
    }
}
