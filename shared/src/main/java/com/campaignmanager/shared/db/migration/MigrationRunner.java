package com.campaignmanager.shared.db.migration;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlScript;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.db.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the schema up to date through the Data API. Each migration runs in its own transaction together with
 * its row in {@code schema_migrations}, under a transaction-scoped advisory lock, so two overlapping runs (two
 * deploys, a retry) apply every file exactly once. A file whose checksum differs from the applied one stops the
 * run before anything new is applied.
 */
public final class MigrationRunner {
    /** Arbitrary, fixed: the advisory lock every run of every version of this product takes. */
    static final long LOCK_KEY = 4_711_2026_001L;

    private static final SqlStatements SQL = SqlStatements.load(MigrationRunner.class, "migrations.sql");
    private static final String CREATE_SCHEMA_MIGRATIONS = SQL.statement("create-schema-migrations");
    private static final String RECORD_MIGRATION = SQL.statement("record-migration");
    private static final String FIND_APPLIED_MIGRATIONS = SQL.statement("find-applied-migrations");
    private static final String LOCK_MIGRATIONS = SQL.statement("lock-migrations");

    private final Database database;
    private final List<Migration> migrations;

    public MigrationRunner(Database database, List<Migration> migrations) {
        this.database = database;
        this.migrations = Migrations.ordered(migrations);
    }

    public MigrationReport migrate() {
        database.inTransaction(tx -> {
            lock(tx);
            tx.update(CREATE_SCHEMA_MIGRATIONS, Params.of());
            return null;
        });
        Map<Integer, AppliedMigration> applied = database.inTransaction(this::applied);
        verify(applied);

        List<String> appliedNow = new ArrayList<>();
        for (Migration migration : migrations) {
            if (applied.containsKey(migration.version())) {
                continue;
            }
            boolean ranHere = database.inTransaction(tx -> apply(tx, migration));
            if (ranHere) {
                appliedNow.add(migration.fileName());
            }
        }
        int schemaVersion = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        int highestApplied = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new MigrationReport(appliedNow, migrations.size() - appliedNow.size(),
                Math.max(schemaVersion, highestApplied));
    }

    private boolean apply(Transaction tx, Migration migration) {
        lock(tx);
        AppliedMigration existing = applied(tx).get(migration.version());
        if (existing != null) {
            // A concurrent run got here first.
            checkUnchanged(migration, existing);
            return false;
        }
        long started = System.nanoTime();
        for (String statement : SqlScript.split(migration.sql())) {
            tx.update(statement, Params.of());
        }
        tx.update(RECORD_MIGRATION, Params.of()
                .put("version", migration.version())
                .put("fileName", migration.fileName())
                .put("checksum", migration.checksum())
                .put("executionMs", (System.nanoTime() - started) / 1_000_000));
        return true;
    }

    private void verify(Map<Integer, AppliedMigration> applied) {
        for (Migration migration : migrations) {
            AppliedMigration existing = applied.get(migration.version());
            if (existing != null) {
                checkUnchanged(migration, existing);
            }
        }
    }

    private static void checkUnchanged(Migration migration, AppliedMigration existing) {
        if (!existing.checksum().equals(migration.checksum())) {
            throw new MigrationException("migration " + migration.fileName() + " was edited after it was applied"
                    + " (applied as " + existing.fileName() + " with checksum " + existing.checksum()
                    + ", the file now has " + migration.checksum()
                    + "). Applied migrations are immutable: restore the file and add a new migration instead.");
        }
    }

    private Map<Integer, AppliedMigration> applied(Transaction tx) {
        Map<Integer, AppliedMigration> applied = new HashMap<>();
        for (AppliedMigration row : tx.query(FIND_APPLIED_MIGRATIONS, Params.of(),
                r -> new AppliedMigration(r.intValue("version"), r.string("file_name"), r.string("checksum")))) {
            applied.put(row.version(), row);
        }
        return applied;
    }

    private static void lock(Transaction tx) {
        tx.query(LOCK_MIGRATIONS, Params.of().put("lockKey", LOCK_KEY), row -> row.longValue("locked"));
    }

    private record AppliedMigration(int version, String fileName, String checksum) {
    }
}
