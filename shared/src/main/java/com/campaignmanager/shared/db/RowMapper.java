package com.campaignmanager.shared.db;

/** Turns one result row into a record; the one place a repository names its columns. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row);
}
