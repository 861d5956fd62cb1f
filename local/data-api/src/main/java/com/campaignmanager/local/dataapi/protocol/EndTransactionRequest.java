package com.campaignmanager.local.dataapi.protocol;

/** The input of CommitTransaction and RollbackTransaction. */
public record EndTransactionRequest(String resourceArn, String secretArn, String transactionId) {
}
