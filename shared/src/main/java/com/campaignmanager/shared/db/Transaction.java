package com.campaignmanager.shared.db;

import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * An open Data API transaction, handed to the work of {@link Database#inTransaction}. Its calls are never
 * retried on an unknown outcome: the whole transaction is. It cannot be used once the work has returned.
 */
public final class Transaction implements SqlExecutor {
    private final StatementRunner runner;
    private final String id;
    private boolean finished;

    Transaction(StatementRunner runner, String id) {
        this.runner = runner;
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public <T> List<T> query(String sql, Params params, RowMapper<T> mapper) {
        return runner.query(sql, params.toList(), openId(), false, mapper);
    }

    @Override
    public <T> Page<T> queryPage(String sql, Params params, int limit, RowMapper<T> mapper,
                                 Function<T, String> cursorOf) {
        return Database.pageOf(runner, openId(), sql, params, limit, mapper, cursorOf);
    }

    @Override
    public long update(String sql, Params params) {
        return runner.update(sql, params.toList(), openId(), false);
    }

    @Override
    public long updateIdempotent(String sql, Params params) {
        return update(sql, params);
    }

    @Override
    public int batch(String sql, List<Params> parameterSets) {
        for (List<SqlParameter>[] chunk : StatementRunner.chunks(parameterSets)) {
            runner.batch(sql, chunk, openId());
        }
        return parameterSets.size();
    }

    void commit() {
        runner.commit(openId());
        finished = true;
    }

    void rollbackQuietly() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            runner.rollback(id);
        } catch (DataAccessException ignored) {
            // The Data API rolls back a transaction left idle for 3 minutes; nothing more can be done here.
        }
    }

    private String openId() {
        if (finished) {
            throw new IllegalStateException("transaction " + id + " is already finished");
        }
        return id;
    }
}
