package com.campaignmanager.shared.db;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs SQL through the Data API, with named parameters ({@code :name}). {@link Database} runs each call in its
 * own transaction; a {@link Transaction} runs them in one. Repositories take this interface so that they work in
 * both.
 */
public interface SqlExecutor {

    /** The most rows one page may ask for; together with the 64 KB row limit it keeps responses near 1 MiB. */
    int MAX_PAGE_SIZE = 500;

    /** All rows. For statements with {@code RETURNING} too: they run once, never retried on an unknown outcome. */
    <T> List<T> query(String sql, Params params, RowMapper<T> mapper);

    default <T> Optional<T> queryOptional(String sql, Params params, RowMapper<T> mapper) {
        List<T> rows = query(sql, params, mapper);
        if (rows.size() > 1) {
            throw new DataAccessException("expected at most one row, got " + rows.size());
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    default <T> T querySingle(String sql, Params params, RowMapper<T> mapper) {
        return queryOptional(sql, params, mapper).orElseThrow(() -> new NotFoundException("no matching row"));
    }

    /**
     * One page of a keyset query. The SQL orders by a unique key, filters on the cursor the caller binds, and ends
     * with {@code LIMIT :limit}; this method binds {@code limit} itself (one more than asked, to know whether a
     * next page exists) and builds the next cursor from the last item with {@code cursorOf}.
     */
    <T> Page<T> queryPage(String sql, Params params, int limit, RowMapper<T> mapper, Function<T, String> cursorOf);

    /** INSERT, UPDATE or DELETE; returns the number of rows affected. Not retried when its outcome is unknown. */
    long update(String sql, Params params);

    /**
     * An update that has the same effect however often it runs (e.g. {@code INSERT ... ON CONFLICT DO NOTHING},
     * {@code UPDATE ... SET status = 'x' WHERE id = :id}), so it is retried even when its outcome is unknown.
     */
    long updateIdempotent(String sql, Params params);

    /** The statement once per parameter set, in as few calls as the 4 MiB request limit allows. */
    int batch(String sql, List<Params> parameterSets);
}
