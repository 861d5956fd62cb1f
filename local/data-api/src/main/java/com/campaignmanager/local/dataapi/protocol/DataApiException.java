package com.campaignmanager.local.dataapi.protocol;

/**
 * An error answered the way the RDS Data API answers it: an error type (the service model's shape name, which the
 * SDK maps to its exception class), an HTTP status and a message. Thrown anywhere below the HTTP layer, which
 * turns it into the response.
 */
public final class DataApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final int httpStatus;
    private final Long dbConnectionId;

    public DataApiException(String errorType, int httpStatus, String message, Long dbConnectionId) {
        super(message);
        this.errorType = errorType;
        this.httpStatus = httpStatus;
        this.dbConnectionId = dbConnectionId;
    }

    public DataApiException(String errorType, int httpStatus, String message) {
        this(errorType, httpStatus, message, null);
    }

    public static DataApiException badRequest(String message) {
        return new DataApiException("BadRequestException", 400, message);
    }

    public static DataApiException databaseError(String message) {
        return new DataApiException("DatabaseErrorException", 400, message);
    }

    public static DataApiException transactionNotFound(String transactionId) {
        return new DataApiException("TransactionNotFoundException", 404, "Transaction " + transactionId + " is not found");
    }

    public static DataApiException httpEndpointNotEnabled(String clusterIdentifier) {
        return new DataApiException("HttpEndpointNotEnabledException", 400,
                "HttpEndpoint is not enabled for cluster " + clusterIdentifier);
    }

    public static DataApiException secretsError(String message) {
        return new DataApiException("SecretsErrorException", 400, message);
    }

    public static DataApiException statementTimeout(String message, long dbConnectionId) {
        return new DataApiException("StatementTimeoutException", 400, message, dbConnectionId);
    }

    public static DataApiException internalError(String message) {
        return new DataApiException("InternalServerErrorException", 500, message);
    }

    public String errorType() {
        return errorType;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Only set for StatementTimeoutException, whose shape has this extra member. */
    public Long dbConnectionId() {
        return dbConnectionId;
    }
}
