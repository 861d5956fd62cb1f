package com.campaignmanager.shared.db;

/** A unique constraint refused the write; {@link #constraint()} names it so callers can say which field clashed. */
public final class ConflictException extends DataAccessException {
    private final String constraint;

    public ConflictException(String constraint, String message, Throwable cause) {
        super(message, cause);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }
}
