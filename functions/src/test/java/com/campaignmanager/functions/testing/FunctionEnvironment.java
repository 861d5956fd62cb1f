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
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }
        return database;
    }
}
