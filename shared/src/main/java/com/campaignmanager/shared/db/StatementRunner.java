package com.campaignmanager.shared.db;

import com.campaignmanager.shared.config.DatabaseSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * The Data API calls themselves: request building, error translation, retries where they are safe, and a count
 * of calls made (a number we watch per operation).
 */
final class StatementRunner {
    /** Ask for fewer parameter sets per BatchExecute call than this, and stay well under the 4 MiB request limit. */
    static final int MAX_BATCH_SETS = 1000;
    static final int MAX_BATCH_BYTES = 3 * 1024 * 1024;

    private final RdsDataClient client;
    private final DatabaseSettings settings;
    private final RetryPolicy retry;
    private final AtomicLong calls = new AtomicLong();

    StatementRunner(RdsDataClient client, DatabaseSettings settings, RetryPolicy retry) {
        this.client = client;
        this.settings = settings;
        this.retry = retry;
    }

    RetryPolicy retryPolicy() {
        return retry;
    }

    long calls() {
        return calls.get();
    }

    <T> List<T> query(String sql, List<SqlParameter> parameters, String transactionId, boolean safeIfAmbiguous,
                      RowMapper<T> mapper) {
        ExecuteStatementResponse response = execute(sql, parameters, transactionId, true, safeIfAmbiguous);
        return mapRows(response, mapper);
    }

    long update(String sql, List<SqlParameter> parameters, String transactionId, boolean safeIfAmbiguous) {
        ExecuteStatementResponse response = execute(sql, parameters, transactionId, false, safeIfAmbiguous);
        Long updated = response.numberOfRecordsUpdated();
        return updated == null ? 0 : updated;
    }

    void batch(String sql, List<SqlParameter>[] chunk, String transactionId) {
        List<List<SqlParameter>> sets = List.of(chunk);
        call(() -> client.batchExecuteStatement(b -> b
                .resourceArn(settings.clusterArn())
                .secretArn(settings.secretArn())
                .database(settings.database())
                .transactionId(transactionId)
                .sql(sql)
                .parameterSets(sets)), false);
    }

    String begin() {
        // A lost answer leaves an unused transaction, which the Data API rolls back after 3 idle minutes.
        return call(() -> client.beginTransaction(b -> b
                .resourceArn(settings.clusterArn())
                .secretArn(settings.secretArn())
                .database(settings.database())), true).transactionId();
    }

    void commit(String transactionId) {
        call(() -> client.commitTransaction(b -> b
                .resourceArn(settings.clusterArn())
                .secretArn(settings.secretArn())
                .transactionId(transactionId)), false);
    }

    void rollback(String transactionId) {
        call(() -> client.rollbackTransaction(b -> b
                .resourceArn(settings.clusterArn())
                .secretArn(settings.secretArn())
                .transactionId(transactionId)), true);
    }

    /** Splits parameter sets into chunks that each fit one BatchExecute request. */
    @SuppressWarnings("unchecked")
    static List<List<SqlParameter>[]> chunks(List<Params> parameterSets) {
        List<List<SqlParameter>[]> chunks = new ArrayList<>();
        List<List<SqlParameter>> current = new ArrayList<>();
        int bytes = 0;
        for (Params params : parameterSets) {
            int size = params.estimatedBytes();
            if (!current.isEmpty() && (current.size() >= MAX_BATCH_SETS || bytes + size > MAX_BATCH_BYTES)) {
                chunks.add(current.toArray(new List[0]));
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(params.toList());
            bytes += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current.toArray(new List[0]));
        }
        return chunks;
    }

    static boolean isSelect(String sql) {
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else {
                break;
            }
        }
        return sql.regionMatches(true, i, "select", 0, 6)
                && (i + 6 == length || !Character.isLetterOrDigit(sql.charAt(i + 6)));
    }

    private ExecuteStatementResponse execute(String sql, List<SqlParameter> parameters, String transactionId,
                                             boolean withMetadata, boolean safeIfAmbiguous) {
        return call(() -> client.executeStatement(b -> b
                .resourceArn(settings.clusterArn())
                .secretArn(settings.secretArn())
                .database(settings.database())
                .transactionId(transactionId)
                .sql(sql)
                .parameters(parameters)
                .includeResultMetadata(withMetadata)), safeIfAmbiguous);
    }

    private <R> R call(Supplier<R> request, boolean safeIfAmbiguous) {
        for (int attempt = 1; ; attempt++) {
            calls.incrementAndGet();
            DataAccessException failure;
            try {
                return request.get();
            } catch (SdkException e) {
                failure = DataApiErrors.translate(e);
            }
            if (!(failure instanceof RetryableException retryable) || attempt >= retry.maxAttempts()
                    || !retryableHere(retryable, safeIfAmbiguous)) {
                throw failure;
            }
            retry.pause(attempt);
        }
    }

    private static boolean retryableHere(RetryableException e, boolean safeIfAmbiguous) {
        return switch (e.reason()) {
            case NOT_EXECUTED -> true;
            case OUTCOME_UNKNOWN -> safeIfAmbiguous;
            // Only the whole transaction can be re-run, which is Database.inTransaction's call.
            case TRANSACTION_ROLLED_BACK -> false;
        };
    }

    private static <T> List<T> mapRows(ExecuteStatementResponse response, RowMapper<T> mapper) {
        if (!response.hasRecords() || response.records().isEmpty()) {
            return List.of();
        }
        Map<String, Integer> columns = columnIndex(response.columnMetadata());
        List<T> rows = new ArrayList<>(response.records().size());
        for (List<Field> record : response.records()) {
            rows.add(mapper.map(new Row(columns, record)));
        }
        return rows;
    }

    private static Map<String, Integer> columnIndex(List<ColumnMetadata> metadata) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < metadata.size(); i++) {
            ColumnMetadata column = metadata.get(i);
            String label = column.label() != null ? column.label() : column.name();
            // First one wins: "SELECT a.id, b.id" must alias one of them to read both.
            columns.putIfAbsent(label, i);
            columns.putIfAbsent(label.toLowerCase(Locale.ROOT), i);
        }
        return Map.copyOf(columns);
    }

    static <T> Page<T> toPage(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
    }
}
