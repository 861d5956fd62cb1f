package com.campaignmanager.shared.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDataApiExtension.class)
class MigrationRunnerTest {
    private static final Migration CREATE = Migration.of("V001__create.sql", """
            CREATE TABLE lists (id bigint PRIMARY KEY, name text NOT NULL);
            -- a second statement in the same file and the same transaction
            CREATE INDEX lists_name_idx ON lists (name);
            """);
    private static final Migration SEED = Migration.of("V002__seed.sql",
            "INSERT INTO lists (id, name) VALUES (1, 'first; with a semicolon');");
    private static final Migration ALTER = Migration.of("V010__alter.sql",
            "ALTER TABLE lists ADD COLUMN description text;");

    private static Database freshDatabase() {
        return TestDatabases.create("migrations").database();
    }

    private static List<Integer> appliedVersions(Database db) {
        return db.query("SELECT version FROM schema_migrations ORDER BY version", Params.of(),
                r -> r.intValue("version"));
    }

    @Test
    void appliesPendingMigrationsInVersionOrderAndRecordsThem() {
        Database db = freshDatabase();

        MigrationReport report = new MigrationRunner(db, List.of(ALTER, SEED, CREATE)).migrate();

        assertThat(report.applied()).containsExactly("V001__create.sql", "V002__seed.sql", "V010__alter.sql");
        assertThat(report.schemaVersion()).isEqualTo(10);
        assertThat(appliedVersions(db)).containsExactly(1, 2, 10);
        String name = db.querySingle("SELECT name FROM lists WHERE id = 1", Params.of(), r -> r.string("name"));
        assertThat(name).isEqualTo("first; with a semicolon");
        assertThat(db.query("SELECT checksum FROM schema_migrations WHERE version = 1", Params.of(),
                r -> r.string("checksum"))).containsExactly(CREATE.checksum());
    }

    @Test
    void isANoOpWhenUpToDateAndAppliesOnlyWhatIsNew() {
        Database db = freshDatabase();
        new MigrationRunner(db, List.of(CREATE, SEED)).migrate();

        MigrationReport again = new MigrationRunner(db, List.of(CREATE, SEED)).migrate();
        MigrationReport later = new MigrationRunner(db, List.of(CREATE, SEED, ALTER)).migrate();

        assertThat(again.applied()).isEmpty();
        assertThat(again.alreadyApplied()).isEqualTo(2);
        assertThat(later.applied()).containsExactly("V010__alter.sql");
        long lists = db.querySingle("SELECT count(*) AS n FROM lists", Params.of(), r -> r.longValue("n"));
        assertThat(lists).isEqualTo(1);
    }

    @Test
    void refusesToRunWhenAnAppliedFileWasEdited() {
        Database db = freshDatabase();
        new MigrationRunner(db, List.of(CREATE, SEED)).migrate();
        Migration edited = Migration.of("V002__seed.sql", "INSERT INTO lists (id, name) VALUES (1, 'changed');");

        assertThatThrownBy(() -> new MigrationRunner(db, List.of(CREATE, edited, ALTER)).migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V002__seed.sql was edited after it was applied");
        // Nothing new was applied either.
        assertThat(appliedVersions(db)).containsExactly(1, 2);
    }

    @Test
    void aFailingMigrationLeavesNoTraceAndStopsTheRun() {
        Database db = freshDatabase();
        Migration broken = Migration.of("V002__broken.sql", """
                CREATE TABLE half_done (id int);
                INSERT INTO no_such_table VALUES (1);
                """);

        assertThatThrownBy(() -> new MigrationRunner(db, List.of(CREATE, broken, ALTER)).migrate())
                .hasMessageContaining("no_such_table");

        assertThat(appliedVersions(db)).containsExactly(1);
        boolean absent = db.querySingle("SELECT to_regclass('half_done') IS NULL AS absent", Params.of(),
                r -> r.bool("absent"));
        assertThat(absent).isTrue();
    }

    @Test
    void twoOverlappingRunsApplyEachMigrationExactlyOnce() throws Exception {
        Database db = freshDatabase();
        List<Migration> all = List.of(CREATE, SEED, ALTER);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<MigrationReport>> runs = List.of(
                    () -> new MigrationRunner(db, all).migrate(),
                    () -> new MigrationRunner(db, all).migrate());
            List<String> appliedByEither = new ArrayList<>();
            for (Future<MigrationReport> run : pool.invokeAll(runs)) {
                appliedByEither.addAll(run.get().applied());
            }

            assertThat(appliedByEither).containsExactlyInAnyOrder("V001__create.sql", "V002__seed.sql",
                    "V010__alter.sql");
        } finally {
            pool.shutdownNow();
        }
        assertThat(appliedVersions(db)).containsExactly(1, 2, 10);
    }

    @Test
    void theShippedMigrationsApplyCleanlyAndTwice() {
        Database db = freshDatabase();
        List<Migration> shipped = Migrations.fromClasspath();

        MigrationReport first = new MigrationRunner(db, shipped).migrate();
        MigrationReport second = new MigrationRunner(db, shipped).migrate();

        assertThat(first.applied()).hasSize(shipped.size());
        assertThat(second.applied()).isEmpty();
    }
}
