package com.campaignmanager.local.dataapi.engine;

import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.campaignmanager.local.dataapi.sql.SqlErrors;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a call's database work on a worker thread while the HTTP thread waits at most the statement timeout. When
 * time is up the caller gets StatementTimeoutException; the statement is cancelled, unless the caller asked to
 * continueAfterTimeout, in which case it runs on to completion (and commits, outside a transaction).
 */
final class TimedCalls {
    private static final String QUERY_CANCELED = "57014";
    private static final Duration SETTLE_AFTER_CANCEL = Duration.ofSeconds(5);

    private final ExecutorService workers;

    TimedCalls(ExecutorService workers) {
        this.workers = workers;
    }

    <T> T call(Duration timeout, boolean continueAfterTimeout, StatementHandle handle, DatabaseWork<T> work) {
        Future<T> future = workers.submit(() -> work.run());
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (!continueAfterTimeout) {
                stop(future, handle);
            }
            throw DataApiException.statementTimeout(
                    "The statement did not finish within " + timeout.toMillis() + " ms", handle.backendPid());
        } catch (ExecutionException e) {
            throw translate(e.getCause(), handle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw DataApiException.internalError("Interrupted while waiting for the database");
        }
    }

    private static void stop(Future<?> future, StatementHandle handle) {
        if (handle.timeOut()) {
            // Give the cancelled statement a moment to end, so the session is free when the caller hears of it.
            try {
                future.get(SETTLE_AFTER_CANCEL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException ignored) {
                // Expected: the statement fails with 57014.
            }
        } else {
            future.cancel(true); // still waiting for a connection or for the transaction: stop waiting
        }
    }

    private static RuntimeException translate(Throwable cause, StatementHandle handle) {
        if (cause instanceof DataApiException) {
            return (DataApiException) cause;
        }
        if (cause instanceof SQLException) {
            SQLException sqlException = (SQLException) cause;
            if (QUERY_CANCELED.equals(sqlException.getSQLState()) && handle.timedOut()) {
                return DataApiException.statementTimeout("The statement was cancelled after the call timed out",
                        handle.backendPid());
            }
            return SqlErrors.databaseError(sqlException);
        }
        if (cause instanceof InterruptedException) {
            return DataApiException.internalError("Interrupted while waiting for the database");
        }
        System.getLogger(TimedCalls.class.getName()).log(System.Logger.Level.ERROR, "Unexpected failure", cause);
        return DataApiException.internalError("Unexpected failure: " + cause);
    }

    /** Database work run by a worker thread. */
    @FunctionalInterface
    interface DatabaseWork<T> {
        T run() throws SQLException, InterruptedException;
    }
}
