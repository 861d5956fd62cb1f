package com.campaignmanager.local.dataapi.engine;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A transaction begun with BeginTransaction: the pool connection it holds (autocommit off) and a lock so that the
 * calls using it run one at a time.
 */
final class OpenTransaction {
    final String id;
    final String database;
    final Connection connection;
    final long backendPid;
    final ReentrantLock lock = new ReentrantLock();
    private final long createdNanos;
    private volatile long lastUsedNanos;
    private volatile boolean ended;
    private volatile StatementHandle running;

    OpenTransaction(String id, String database, Connection connection, long backendPid, long nowNanos) {
        this.id = id;
        this.database = database;
        this.connection = connection;
        this.backendPid = backendPid;
        this.createdNanos = nowNanos;
        this.lastUsedNanos = nowNanos;
    }

    void touch(long nowNanos) {
        lastUsedNanos = nowNanos;
    }

    boolean expired(long nowNanos, Duration idleTimeout, Duration maxLifetime) {
        return nowNanos - lastUsedNanos > idleTimeout.toNanos() || nowNanos - createdNanos > maxLifetime.toNanos();
    }

    boolean ended() {
        return ended;
    }

    /** Called with the lock held. */
    void markEnded() {
        ended = true;
    }

    void running(StatementHandle handle) {
        running = handle;
    }

    /** Stops whatever statement the transaction is running (RollbackTransaction does not wait for it). */
    void cancelRunningStatement() {
        StatementHandle handle = running;
        if (handle != null) {
            handle.cancel();
        }
    }
}
