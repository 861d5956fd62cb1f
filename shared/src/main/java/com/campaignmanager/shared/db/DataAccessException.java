package com.campaignmanager.shared.db;

/** A database call failed. Subclasses say what the caller can do about it; this base class means a fault of ours. */
public class DataAccessException extends RuntimeException {
    public DataAccessException(String message) {
        super(message);
    }

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
