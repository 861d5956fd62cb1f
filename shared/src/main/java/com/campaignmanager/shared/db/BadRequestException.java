package com.campaignmanager.shared.db;

/**
 * The database refused the values it was given (a check, not-null or foreign-key constraint, a value it cannot
 * convert) or the Data API refused the request. Retrying the same call cannot help.
 */
public final class BadRequestException extends DataAccessException {
    private final String sqlState;
    private final String constraint;

    public BadRequestException(String sqlState, String constraint, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.constraint = constraint;
    }

    /** PostgreSQL's SQLSTATE, or null when the Data API itself refused the request. */
    public String sqlState() {
        return sqlState;
    }

    /** The constraint that refused the values, when PostgreSQL named one. */
    public String constraint() {
        return constraint;
    }
}
