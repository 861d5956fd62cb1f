package com.campaignmanager.shared.db;

/**
 * A transient failure (cluster resuming, throttling, service unavailable, network). {@link Database} has already
 * retried it where that was safe; when this reaches a caller, either the retries ran out or the outcome of a
 * write is unknown and repeating it could apply it twice.
 */
public final class RetryableException extends DataAccessException {

    public enum Reason {
        /** The service refused the call before running anything: repeating it is always safe. */
        NOT_EXECUTED,
        /** The call may or may not have taken effect (the response was lost). */
        OUTCOME_UNKNOWN,
        /** PostgreSQL rolled the transaction back (serialization failure, deadlock): re-running it is safe. */
        TRANSACTION_ROLLED_BACK
    }

    private final Reason reason;

    public RetryableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
