package com.campaignmanager.local.dataapi.engine;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The statement a call is running, so that a timeout can cancel it and report the session that ran it
 * (StatementTimeoutException.dbConnectionId). Shared by the HTTP thread waiting and the worker running.
 */
final class StatementHandle {
    private Statement statement;
    private long backendPid;
    private boolean cancelled;
    private boolean timedOut;

    /** Registers the running statement; fails if the call was already abandoned by a timeout. */
    synchronized void running(Statement statement, long backendPid) throws SQLException {
        if (cancelled) {
            throw new SQLException("The call timed out before the statement started", "57014");
        }
        this.statement = statement;
        this.backendPid = backendPid;
    }

    synchronized void finished() {
        this.statement = null;
    }

    /** Cancels the running statement if there is one; returns whether there was. */
    synchronized boolean cancel() {
        cancelled = true;
        if (statement == null) {
            return false;
        }
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // The statement may just have finished; nothing more to stop.
        }
        return true;
    }

    /** The call's time is up: cancel, and remember that a cancellation error means a timeout. */
    synchronized boolean timeOut() {
        timedOut = true;
        return cancel();
    }

    synchronized boolean timedOut() {
        return timedOut;
    }

    synchronized long backendPid() {
        return backendPid;
    }
}
