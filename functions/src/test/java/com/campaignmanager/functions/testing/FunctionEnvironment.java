package com.campaignmanager.functions.testing;

import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.config.DatabaseSettings;

/**
 * Gives the handlers under test the configuration template.yaml gives them on AWS, pointed at one database of
 * the JVM's local Data API. Handlers build their component once per JVM (as per container), so this is set once,
 * before any handler class is loaded.
 */
public final class FunctionEnvironment {
    private static String database;
    private static boolean migrated;

    private FunctionEnvironment() {
    }

    public static synchronized String install() {
        if (database == null) {
            LocalDataApi dataApi = LocalDataApiExtension.dataApi();
            database = dataApi.createDatabase("functions");
            System.setProperty(DatabaseSettings.CLUSTER_ARN, dataApi.clusterArn());
            System.setProperty(DatabaseSettings.SECRET_ARN, dataApi.secretArn());
            System.setProperty(DatabaseSettings.DATABASE, database);
            System.setProperty(DatabaseSettings.REGION, "us-east-1");
            System.setProperty(DatabaseSettings.ENDPOINT, dataApi.endpoint().toString());
            // What template.yaml's parameters give on AWS; shared code has no defaults for them.
            System.setProperty("UNSUBSCRIBE_SIGNING_KEY", "test-unsubscribe-signing-key-for-the-functions-tests");
            System.setProperty("MAILJET_WEBHOOK_PASSWORD", "local-webhook-secret");
            System.setProperty("PUBLIC_API_URL", "https://api.test.example");
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
        return database;
    }

    /** The schema, as MigrateFunction leaves it after a deploy. */
    public static synchronized void migrate() {
        install();
        if (!migrated) {
            com.campaignmanager.shared.config.DatabaseSettings settings = com.campaignmanager.shared.config
                    .DatabaseSettings.from(com.campaignmanager.shared.config.Environment.system());
            try (var client = com.campaignmanager.shared.aws.RdsDataClientFactory.create(settings)) {
                new com.campaignmanager.shared.db.migration.MigrationRunner(
                        new com.campaignmanager.shared.db.Database(client, settings,
                                com.campaignmanager.shared.db.RetryPolicy.standard()),
                        com.campaignmanager.shared.db.migration.Migrations.fromClasspath()).migrate();
            }
            migrated = true;
        }
    }
}
