package com.campaignmanager.local.dataapi.engine;

import com.campaignmanager.local.dataapi.DataApiLimits;
import com.campaignmanager.local.dataapi.protocol.DataApiException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The open transactions. A transaction unused for the idle timeout, or older than the maximum lifetime, is rolled
 * back and forgotten (by {@link #sweep()}, which runs in the background, and on next use), after which calls
 * naming it get TransactionNotFoundException, as on the service. A transaction busy with a statement never expires
 * mid-statement.
 */
public final class TransactionRegistry implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TransactionRegistry.class.getName());

    private final DataApiLimits limits;
    private final Map<String, OpenTransaction> open = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public TransactionRegistry(DataApiLimits limits) {
        this.limits = limits;
    }

    OpenTransaction begin(String database, Connection connection, long backendPid) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OpenTransaction transaction = new OpenTransaction(id, database, connection, backendPid, System.nanoTime());
        open.put(id, transaction);
        return transaction;
    }

    /** The transaction, if it is open and not expired. */
    OpenTransaction find(String id) {
        OpenTransaction transaction = open.get(id);
        if (transaction == null) {
            throw DataApiException.transactionNotFound(id);
        }
        expireIfDue(transaction);
        if (transaction.ended()) {
            throw DataApiException.transactionNotFound(id);
        }
        return transaction;
    }

    /** Runs work on the transaction's connection, after the calls before it; the transaction must still be open. */
    <T> T use(OpenTransaction transaction, TransactionWork<T> work) throws SQLException, InterruptedException {
        transaction.lock.lockInterruptibly();
        try {
            if (transaction.ended()) {
                throw DataApiException.transactionNotFound(transaction.id);
            }
            transaction.touch(System.nanoTime());
            try {
                return work.run(transaction);
            } finally {
                transaction.touch(System.nanoTime());
            }
        } finally {
            transaction.lock.unlock();
        }
    }

    /** Commits or rolls back, then returns the connection to its pool. Either way the transaction is gone. */
    void end(OpenTransaction transaction, boolean commit) throws SQLException, InterruptedException {
        transaction.lock.lockInterruptibly();
        try {
            if (transaction.ended()) {
                throw DataApiException.transactionNotFound(transaction.id);
            }
            transaction.markEnded();
            open.remove(transaction.id);
            try (Connection connection = transaction.connection) {
                if (commit) {
                    try {
                        connection.commit();
                    } catch (SQLException e) {
                        rollbackQuietly(connection);
                        throw e;
                    }
                } else {
                    connection.rollback();
                }
            }
        } finally {
            transaction.lock.unlock();
        }
    }

    public int size() {
        return open.size();
    }

    /** Rolls back every transaction past its idle timeout or lifetime that is not running a statement. */
    public void sweep() {
        for (OpenTransaction transaction : open.values()) {
            expireIfDue(transaction);
        }
    }

    private void expireIfDue(OpenTransaction transaction) {
        if (!transaction.expired(System.nanoTime(), limits.transactionIdleTimeout(), limits.transactionMaxLifetime())) {
            return;
        }
        if (!transaction.lock.tryLock()) {
            return; // busy: it is being used, so not idle
        }
        try {
            if (transaction.ended()
                    || !transaction.expired(System.nanoTime(), limits.transactionIdleTimeout(), limits.transactionMaxLifetime())) {
                return;
            }
            transaction.markEnded();
            open.remove(transaction.id);
            rollbackAndRelease(transaction);
        } finally {
            transaction.lock.unlock();
        }
    }

    /** Rolls back everything still open (shutting down). */
    @Override
    public void close() {
        List<OpenTransaction> remaining = new ArrayList<>(open.values());
        for (OpenTransaction transaction : remaining) {
            transaction.cancelRunningStatement();
            boolean locked = false;
            try {
                locked = transaction.lock.tryLock(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                // Unlocked only if a statement would not stop: its connection is closed under it, which ends it.
                if (!transaction.ended()) {
                    transaction.markEnded();
                    open.remove(transaction.id);
                    rollbackAndRelease(transaction);
                }
            } finally {
                if (locked) {
                    transaction.lock.unlock();
                }
            }
        }
    }

    private static void rollbackAndRelease(OpenTransaction transaction) {
        try (Connection connection = transaction.connection) {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Rolling back transaction " + transaction.id + " failed", e);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is returned to the pool next, which resets it.
        }
    }

    /** Work run on a transaction's connection. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(OpenTransaction transaction) throws SQLException;
    }
}
