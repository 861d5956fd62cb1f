package com.campaignmanager.local.dataapi.engine;

import com.campaignmanager.local.dataapi.DataApiLimits;
import com.campaignmanager.local.dataapi.protocol.BatchExecuteStatementRequest;
import com.campaignmanager.local.dataapi.protocol.BatchExecuteStatementResponse;
import com.campaignmanager.local.dataapi.protocol.BatchExecuteStatementResponse.UpdateResult;
import com.campaignmanager.local.dataapi.protocol.BeginTransactionRequest;
import com.campaignmanager.local.dataapi.protocol.BeginTransactionResponse;
import com.campaignmanager.local.dataapi.protocol.ColumnMetadata;
import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.campaignmanager.local.dataapi.protocol.EndTransactionRequest;
import com.campaignmanager.local.dataapi.protocol.ExecuteStatementRequest;
import com.campaignmanager.local.dataapi.protocol.ExecuteStatementResponse;
import com.campaignmanager.local.dataapi.protocol.Field;
import com.campaignmanager.local.dataapi.protocol.RecordsFormat;
import com.campaignmanager.local.dataapi.protocol.SqlParameter;
import com.campaignmanager.local.dataapi.protocol.Target;
import com.campaignmanager.local.dataapi.protocol.TransactionStatusResponse;
import com.campaignmanager.local.dataapi.sql.ColumnMetadataReader;
import com.campaignmanager.local.dataapi.sql.NamedParameterSql;
import com.campaignmanager.local.dataapi.sql.ParameterBinder;
import com.campaignmanager.local.dataapi.sql.ResponseSizeBudget;
import com.campaignmanager.local.dataapi.sql.ResultColumn;
import com.campaignmanager.local.dataapi.sql.ResultReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.postgresql.PGConnection;

/** The five Data API operations, carried out over JDBC. */
public final class DataApiService {
    private final ServedCluster cluster;
    private final DatabasePools pools;
    private final TransactionRegistry transactions;
    private final DataApiLimits limits;
    private final TimedCalls timedCalls;
    private final ObjectMapper json;

    public DataApiService(ServedCluster cluster, DatabasePools pools, TransactionRegistry transactions,
            DataApiLimits limits, ExecutorService workers, ObjectMapper json) {
        this.cluster = cluster;
        this.pools = pools;
        this.transactions = transactions;
        this.limits = limits;
        this.timedCalls = new TimedCalls(workers);
        this.json = json;
    }

    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        cluster.check(request.target());
        NamedParameterSql sql = parse(request.sql());
        List<SqlParameter> parameters = ParameterBinder.resolve(sql, request.parameters());
        StatementHandle handle = new StatementHandle();
        StatementWork<ExecuteStatementResponse> work = connection -> execute(connection, sql, parameters, request, handle);
        return run(request.target(), request.transactionId(), request.continueAfterTimeout(), handle, work);
    }

    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        cluster.check(request.target());
        NamedParameterSql sql = parse(request.sql());
        List<List<SqlParameter>> parameterSets = new ArrayList<>();
        for (List<SqlParameter> set : request.parameterSets()) {
            parameterSets.add(ParameterBinder.resolve(sql, set));
        }
        if (parameterSets.isEmpty()) {
            // As on the service: without parameter sets the statement is not run (not even validated by PostgreSQL),
            // though a named transaction must still exist.
            if (request.transactionId() != null) {
                transactions.find(request.transactionId());
            }
            return new BatchExecuteStatementResponse(List.of());
        }
        StatementHandle handle = new StatementHandle();
        StatementWork<BatchExecuteStatementResponse> work = connection -> executeBatch(connection, sql, parameterSets, handle);
        return run(request.target(), request.transactionId(), false, handle, work);
    }

    public BeginTransactionResponse beginTransaction(BeginTransactionRequest request) {
        cluster.check(request.target());
        String database = cluster.database(request.target());
        var pool = pools.pool(database);
        StatementHandle handle = new StatementHandle();
        OpenTransaction transaction = timedCalls.call(limits.statementTimeout(), false, handle, () -> {
            Connection connection = pool.getConnection();
            try {
                connection.setAutoCommit(false);
                return transactions.begin(database, connection, backendPid(connection));
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        });
        return new BeginTransactionResponse(transaction.id);
    }

    public TransactionStatusResponse commitTransaction(EndTransactionRequest request) {
        cluster.check(request.resourceArn(), request.secretArn());
        OpenTransaction transaction = transactions.find(request.transactionId());
        timedCalls.call(limits.statementTimeout(), true, new StatementHandle(), () -> {
            transactions.end(transaction, true);
            return null;
        });
        return TransactionStatusResponse.COMMITTED;
    }

    public TransactionStatusResponse rollbackTransaction(EndTransactionRequest request) {
        cluster.check(request.resourceArn(), request.secretArn());
        OpenTransaction transaction = transactions.find(request.transactionId());
        transaction.cancelRunningStatement();
        timedCalls.call(limits.statementTimeout(), true, new StatementHandle(), () -> {
            transactions.end(transaction, false);
            return null;
        });
        return TransactionStatusResponse.ROLLED_BACK;
    }

    /** Runs work in the named transaction, or on a pooled connection in autocommit mode. */
    private <T> T run(Target target, String transactionId, boolean continueAfterTimeout, StatementHandle handle,
            StatementWork<T> work) {
        if (transactionId != null) {
            OpenTransaction transaction = transactions.find(transactionId);
            return timedCalls.call(limits.statementTimeout(), continueAfterTimeout, handle,
                    () -> transactions.use(transaction, open -> {
                        open.running(handle);
                        try {
                            return work.run(open.connection);
                        } finally {
                            open.running(null);
                        }
                    }));
        }
        var pool = pools.pool(cluster.database(target));
        return timedCalls.call(limits.statementTimeout(), continueAfterTimeout, handle, () -> {
            try (Connection connection = pool.getConnection()) {
                return work.run(connection);
            }
        });
    }

    private ExecuteStatementResponse execute(Connection connection, NamedParameterSql sql, List<SqlParameter> parameters,
            ExecuteStatementRequest request, StatementHandle handle) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql())) {
            handle.running(statement, backendPid(connection));
            try {
                ParameterBinder.bind(statement, parameters);
                if (!statement.execute()) {
                    return new ExecuteStatementResponse(null, null, Math.max(0, statement.getLargeUpdateCount()),
                            List.of(), null);
                }
                try (ResultSet resultSet = statement.getResultSet()) {
                    return readResult(connection, resultSet, request);
                }
            } finally {
                handle.finished();
            }
        }
    }

    private ExecuteStatementResponse readResult(Connection connection, ResultSet resultSet,
            ExecuteStatementRequest request) throws SQLException {
        List<ResultColumn> columns = ResultColumn.of(resultSet.getMetaData());
        // Rows returned (SELECT, or RETURNING) count as 0 records updated, as on the service.
        if (request.formatRecordsAs() == RecordsFormat.JSON) {
            ResultReader reader = new ResultReader(request.resultSetOptions(),
                    new ResponseSizeBudget(ResponseSizeBudget.FORMATTED_RECORDS_LIMIT_BYTES));
            return new ExecuteStatementResponse(null, null, 0, List.of(),
                    reader.formattedRecords(resultSet, columns, json));
        }
        ResultReader reader = new ResultReader(request.resultSetOptions(),
                new ResponseSizeBudget(limits.responseSizeLimitBytes()));
        List<List<Field>> records = reader.records(resultSet, columns);
        List<ColumnMetadata> metadata = request.includeResultMetadata()
                ? ColumnMetadataReader.read(resultSet.getMetaData(), connection) : null;
        return new ExecuteStatementResponse(records, metadata, 0, List.of(), null);
    }

    private BatchExecuteStatementResponse executeBatch(Connection connection, NamedParameterSql sql,
            List<List<SqlParameter>> parameterSets, StatementHandle handle) throws SQLException {
        // Outside a transaction the batch is atomic: all parameter sets apply, or none. (The pool restores
        // autocommit when the connection goes back.)
        boolean ownTransaction = connection.getAutoCommit();
        if (ownTransaction) {
            connection.setAutoCommit(false);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql())) {
            handle.running(statement, backendPid(connection));
            List<UpdateResult> results = new ArrayList<>(parameterSets.size());
            try {
                for (List<SqlParameter> parameters : parameterSets) {
                    statement.clearParameters();
                    ParameterBinder.bind(statement, parameters);
                    statement.execute();
                    results.add(new UpdateResult(List.of()));
                }
            } finally {
                handle.finished();
            }
            if (ownTransaction) {
                connection.commit();
            }
            return new BatchExecuteStatementResponse(results);
        } catch (SQLException | RuntimeException e) {
            if (ownTransaction) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw e;
        }
    }

    private static NamedParameterSql parse(String sql) {
        NamedParameterSql parsed = NamedParameterSql.parse(sql);
        if (parsed.multipleStatements()) {
            // The service runs one statement per call (ExecuteSql was the multi-statement operation). PostgreSQL
            // gives this answer for several commands in one prepared statement.
            throw DataApiException.databaseError(
                    "ERROR: cannot insert multiple commands into a prepared statement; SQLState: 42601");
        }
        return parsed;
    }

    private static long backendPid(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getBackendPID();
    }

    /** Work on one connection. */
    @FunctionalInterface
    private interface StatementWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
