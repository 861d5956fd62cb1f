package com.campaignmanager.local.dataapi.protocol;

/** The members every statement-level request names its target with. database and schema may be null. */
public record Target(String resourceArn, String secretArn, String database, String schema) {
}
