package com.campaignmanager.local.dataapi.engine;

import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.campaignmanager.local.dataapi.protocol.Target;

/** The one cluster this server stands in for: the ARNs it answers to and its default database. */
public record ServedCluster(String clusterArn, String secretArn, String defaultDatabase) {

    void check(Target target) {
        check(target.resourceArn(), target.secretArn());
        if (target.schema() != null && !target.schema().isEmpty()) {
            throw DataApiException.badRequest("The schema parameter isn't supported by Aurora PostgreSQL.");
        }
    }

    void check(String resourceArn, String secretArn) {
        if (!clusterArn.equals(resourceArn)) {
            throw DataApiException.httpEndpointNotEnabled(clusterIdentifier(resourceArn));
        }
        if (!secretArn.equals(this.secretArn)) {
            throw DataApiException.secretsError("Secrets Manager can't find the specified secret: " + secretArn);
        }
    }

    /** The database a request targets: the one it names, else the default. */
    String database(Target target) {
        return target.database() == null || target.database().isEmpty() ? defaultDatabase : target.database();
    }

    /** arn:aws:rds:region:account:cluster:NAME gives NAME; anything else is quoted whole. */
    private static String clusterIdentifier(String resourceArn) {
        int colon = resourceArn.lastIndexOf(':');
        return colon >= 0 && colon < resourceArn.length() - 1 ? resourceArn.substring(colon + 1) : resourceArn;
    }
}
