package com.campaignmanager.shared.db;

import com.campaignmanager.shared.config.DatabaseSettings;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * The data-access entry point of a function: SQL with named parameters through the Data API, each call
 * committed on its own, or several in one {@link #inTransaction transaction}.
 *
 * <p>Retries: a call the service refused before running it (cluster resuming, throttling) is retried with backoff.
 * A call whose outcome is unknown (503, 504, lost connection) is retried only when running it twice cannot
 * change anything: SELECTs, {@link #updateIdempotent}, and whole transactions that were not committed.
 */
public final class Database implements SqlExecutor {
    private final StatementRunner runner;

    private final RdsDataClient client;
    private final DatabaseSettings settings;

    public Database(RdsDataClient client, DatabaseSettings settings, RetryPolicy retry) {
        this.client = client;
        this.settings = settings;
        this.runner = new StatementRunner(client, settings, retry);
    }

    /** The same database over the same client, answering every failure at once: for checks that must be quick. */
    public Database withoutRetries() {
        RetryPolicy current = runner.retryPolicy();
        return new Database(client, settings, new RetryPolicy(1, current.baseDelay(), current.maxDelay(),
                current.sleeper()));
    }

    /** Data API calls made through this instance, retries included. */
    public long calls() {
        return runner.calls();
    }

    @Override
    public <T> List<T> query(String sql, Params params, RowMapper<T> mapper) {
        return runner.query(sql, params.toList(), null, StatementRunner.isSelect(sql), mapper);
    }

    @Override
    public <T> Page<T> queryPage(String sql, Params params, int limit, RowMapper<T> mapper,
                                 Function<T, String> cursorOf) {
        return pageOf(runner, null, sql, params, limit, mapper, cursorOf);
    }

    @Override
    public long update(String sql, Params params) {
        return runner.update(sql, params.toList(), null, false);
    }

    @Override
    public long updateIdempotent(String sql, Params params) {
        return runner.update(sql, params.toList(), null, true);
    }

    /** Parameter sets that need more than one call run in one transaction, so the batch applies all or nothing. */
    @Override
    public int batch(String sql, List<Params> parameterSets) {
        List<List<SqlParameter>[]> chunks = StatementRunner.chunks(parameterSets);
        if (chunks.isEmpty()) {
            return 0;
        }
        if (chunks.size() == 1) {
            runner.batch(sql, chunks.get(0), null);
            return parameterSets.size();
        }
        return inTransaction(tx -> tx.batch(sql, parameterSets));
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. When the
     * database rolled it back or a call's outcome was unknown, the whole work is run again in a new transaction,
     * so it must only touch the database (no e-mails sent from inside). If the commit itself gets no answer,
     * a {@link RetryableException} with reason OUTCOME_UNKNOWN tells the caller that it may or may not have
     * been applied.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        RetryPolicy retry = runner.retryPolicy();
        for (int attempt = 1; ; attempt++) {
            Transaction transaction = new Transaction(runner, runner.begin());
            T result;
            try {
                result = work.run(transaction);
            } catch (RetryableException e) {
                transaction.rollbackQuietly();
                if (attempt >= retry.maxAttempts()) {
                    throw e;
                }
                retry.pause(attempt);
                continue;
            } catch (RuntimeException | Error e) {
                transaction.rollbackQuietly();
                throw e;
            }
            try {
                transaction.commit();
            } catch (RuntimeException e) {
                // Harmless if the commit did happen; releases the transaction at once if it did not.
                transaction.rollbackQuietly();
                throw e;
            }
            return result;
        }
    }

    /** The body of a transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Transaction transaction);
    }

    static <T> Page<T> pageOf(StatementRunner runner, String transactionId, String sql, Params params, int limit,
                              RowMapper<T> mapper, Function<T, String> cursorOf) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE + ": " + limit);
        }
        int pageSize = limit;
        while (true) {
            List<SqlParameter> parameters = new java.util.ArrayList<>(params.toList());
            parameters.add(Params.of().put("limit", pageSize + 1).toList().get(0));
            try {
                List<T> rows = runner.query(sql, parameters, transactionId, true, mapper);
                return StatementRunner.toPage(rows, pageSize, cursorOf);
            } catch (BadRequestException e) {
                // Wide rows can push a page past the 1 MiB response limit: ask for fewer rather than fail.
                if (!DataApiErrors.isResponseTooLarge(e) || pageSize == 1) {
                    throw e;
                }
                pageSize = Math.max(1, pageSize / 2);
            }
        }
    }
}
