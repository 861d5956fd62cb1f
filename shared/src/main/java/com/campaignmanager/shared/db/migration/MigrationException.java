package com.campaignmanager.shared.db.migration;

/** The schema cannot be brought up to date: an applied file was edited, a file is missing or malformed. */
public final class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
