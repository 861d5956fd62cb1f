package com.campaignmanager.shared.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.InternalServerErrorException;
import software.amazon.awssdk.services.rdsdata.model.ServiceUnavailableErrorException;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;

/** Translates what the SDK throws into the project's own exceptions, keeping SQL text out of them. */
final class DataApiErrors {
    private static final Pattern SQL_STATE = Pattern.compile("SQLState: ([0-9A-Z]{5})");
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern POSTGRES_MESSAGE = Pattern.compile("ERROR: (.*?)(?:; SQLState:|$)", Pattern.DOTALL);

    private DataApiErrors() {
    }

    static DataAccessException translate(SdkException e) {
        if (e instanceof DatabaseErrorException error) {
            return fromDatabaseError(error);
        }
        if (e instanceof DatabaseResumingException) {
            return new RetryableException(RetryableException.Reason.NOT_EXECUTED, "the database is resuming", e);
        }
        if (e instanceof software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException) {
            return new StatementTimeoutException("the statement exceeded the Data API's time limit", e);
        }
        if (e instanceof AwsServiceException service && service.isThrottlingException()) {
            return new RetryableException(RetryableException.Reason.NOT_EXECUTED, "the Data API throttled the call", e);
        }
        if (e instanceof ServiceUnavailableErrorException || e instanceof DatabaseUnavailableException
                || e instanceof InternalServerErrorException) {
            return new RetryableException(RetryableException.Reason.OUTCOME_UNKNOWN,
                    "the Data API is unavailable (" + errorCode(e) + ")", e);
        }
        if (e instanceof TransactionNotFoundException) {
            return new DataAccessException("the transaction expired or is unknown to the Data API", e);
        }
        if (e instanceof software.amazon.awssdk.services.rdsdata.model.BadRequestException) {
            return new BadRequestException(null, null, "the Data API refused the request: " + e.getMessage(), e);
        }
        if (e instanceof SdkClientException) {
            // No answer came back (connection reset, timeout): the statement may have run.
            return new RetryableException(RetryableException.Reason.OUTCOME_UNKNOWN,
                    "no answer from the Data API: " + e.getMessage(), e);
        }
        return new DataAccessException("Data API call failed (" + errorCode(e) + ")", e);
    }

    private static DataAccessException fromDatabaseError(DatabaseErrorException e) {
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : String.valueOf(e.getMessage());
        String sqlState = find(SQL_STATE, message);
        String constraint = find(CONSTRAINT, message);
        String postgresMessage = find(POSTGRES_MESSAGE, message);
        String summary = postgresMessage != null ? postgresMessage.trim() : message;
        if (sqlState == null) {
            return new DataAccessException("database error: " + summary, e);
        }
        if (sqlState.equals("23505")) {
            return new ConflictException(constraint, "unique constraint " + constraint + " violated", e);
        }
        if (sqlState.equals("40001") || sqlState.equals("40P01")) {
            return new RetryableException(RetryableException.Reason.TRANSACTION_ROLLED_BACK,
                    "transaction rolled back by the database (" + sqlState + ")", e);
        }
        if (sqlState.equals("57014")) {
            return new StatementTimeoutException("the statement was cancelled: " + summary, e);
        }
        if (sqlState.startsWith("22") || sqlState.startsWith("23")) {
            return new BadRequestException(sqlState, constraint, summary, e);
        }
        return new DataAccessException("database error " + sqlState + ": " + summary, e);
    }

    static boolean isResponseTooLarge(DataAccessException e) {
        return e instanceof BadRequestException bad && bad.sqlState() == null
                && bad.getMessage().toLowerCase(java.util.Locale.ROOT).contains("response size");
    }

    private static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
