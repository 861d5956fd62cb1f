package com.campaignmanager.local.dataapi;

import java.util.Arrays;
import java.util.Optional;

/** Failures the real service can answer with that a local PostgreSQL never produces; injected through {@link FaultInjector}. */
public enum DataApiFault {
    DATABASE_RESUMING(400, "DatabaseResumingException",
            "The database is resuming after being auto-paused. Please wait a few seconds and try again."),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailableError", "The service is unavailable. Try again later."),
    DATABASE_UNAVAILABLE(504, "DatabaseUnavailableException", "The writer instance in the DB cluster isn't available."),
    STATEMENT_TIMEOUT(400, "StatementTimeoutException", "The statement timed out."),
    /** Not a shape of the service model: the SDK classifies the error code as throttling (base RdsDataException). */
    THROTTLING(400, "ThrottlingException", "Rate exceeded");

    private final int httpStatus;
    private final String errorType;
    private final String message;

    DataApiFault(int httpStatus, String errorType, String message) {
        this.httpStatus = httpStatus;
        this.errorType = errorType;
        this.message = message;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorType() {
        return errorType;
    }

    public String message() {
        return message;
    }

    /** Finds a fault by its error type ("ServiceUnavailableError") or its constant name ("SERVICE_UNAVAILABLE"). */
    public static Optional<DataApiFault> fromName(String name) {
        return Arrays.stream(values())
                .filter(fault -> fault.errorType.equals(name) || fault.name().equals(name))
                .findFirst();
    }
}
