package com.campaignmanager.local.dataapi.protocol;

/** The output of CommitTransaction ("Transaction Committed") and RollbackTransaction ("Rollback Complete"). */
public record TransactionStatusResponse(String transactionStatus) {

    public static final TransactionStatusResponse COMMITTED = new TransactionStatusResponse("Transaction Committed");
    public static final TransactionStatusResponse ROLLED_BACK = new TransactionStatusResponse("Rollback Complete");
}
