package com.campaignmanager.shared.db;

/** The statement ran longer than the Data API allows (45 s) and was stopped. Not retried: it would time out again. */
public final class StatementTimeoutException extends DataAccessException {
    public StatementTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
