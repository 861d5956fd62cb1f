package com.campaignmanager.local.dataapi.protocol;

public record BeginTransactionRequest(Target target) {
}
