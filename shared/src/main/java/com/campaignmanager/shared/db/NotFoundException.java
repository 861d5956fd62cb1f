package com.campaignmanager.shared.db;

/** A row that had to exist does not. */
public final class NotFoundException extends DataAccessException {
    public NotFoundException(String message) {
        super(message);
    }
}
