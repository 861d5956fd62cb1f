package com.campaignmanager.local.dataapi.protocol;

public record BeginTransactionResponse(String transactionId) {
}
