package com.campaignmanager.local.dataapi;

import java.time.Duration;

/**
 * The limits the service enforces, changeable while the server runs so that tests can shorten them without a new
 * server. {@link #reset()} restores the configured values.
 */
public final class DataApiLimits {
    private final LocalDataApiConfig configured;
    private volatile Duration transactionIdleTimeout;
    private volatile Duration transactionMaxLifetime;
    private volatile Duration statementTimeout;
    private volatile int responseSizeLimitBytes;

    DataApiLimits(LocalDataApiConfig configured) {
        this.configured = configured;
        reset();
    }

    public Duration transactionIdleTimeout() {
        return transactionIdleTimeout;
    }

    public Duration transactionMaxLifetime() {
        return transactionMaxLifetime;
    }

    public Duration statementTimeout() {
        return statementTimeout;
    }

    public int responseSizeLimitBytes() {
        return responseSizeLimitBytes;
    }

    public void setTransactionIdleTimeout(Duration timeout) {
        LocalDataApiConfig.requirePositive(timeout, "transactionIdleTimeout");
        this.transactionIdleTimeout = timeout;
    }

    public void setTransactionMaxLifetime(Duration lifetime) {
        LocalDataApiConfig.requirePositive(lifetime, "transactionMaxLifetime");
        this.transactionMaxLifetime = lifetime;
    }

    public void setStatementTimeout(Duration timeout) {
        LocalDataApiConfig.requirePositive(timeout, "statementTimeout");
        this.statementTimeout = timeout;
    }

    public void setResponseSizeLimitBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("responseSizeLimitBytes must be positive, got " + bytes);
        }
        this.responseSizeLimitBytes = bytes;
    }

    public void reset() {
        transactionIdleTimeout = configured.transactionIdleTimeout();
        transactionMaxLifetime = configured.transactionMaxLifetime();
        statementTimeout = configured.statementTimeout();
        responseSizeLimitBytes = configured.responseSizeLimitBytes();
    }
}
