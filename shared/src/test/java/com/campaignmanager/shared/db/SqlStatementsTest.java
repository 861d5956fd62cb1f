package com.campaignmanager.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.db.migration.MigrationRunner;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {

    @Test
    void readsEachNamedStatementUpToTheNextHeader() {
        SqlStatements sql = SqlStatements.parse("test.sql", """
                -- name: find-thing
                SELECT id FROM things WHERE id = :id;

                -- name: delete-thing
                -- a comment that belongs to the statement
                DELETE FROM things WHERE id = :id
                """);

        assertThat(sql.names()).containsExactlyInAnyOrder("find-thing", "delete-thing");
        assertThat(sql.get("find-thing")).isEqualTo("SELECT id FROM things WHERE id = :id");
        assertThat(sql.get("delete-thing"))
                .isEqualTo("-- a comment that belongs to the statement\nDELETE FROM things WHERE id = :id");
    }

    @Test
    void unknownNamesDuplicatesAndEmptyStatementsFailLoudly() {
        SqlStatements sql = SqlStatements.parse("test.sql", "-- name: one\nSELECT 1");
        assertThatThrownBy(() -> sql.get("two")).hasMessageContaining("test.sql has no statement named 'two'");
        assertThatThrownBy(() -> SqlStatements.parse("t.sql", "-- name: a\nSELECT 1\n-- name: a\nSELECT 2"))
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> SqlStatements.parse("t.sql", "-- name: a\n;\n")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SqlStatements.parse("t.sql", "SELECT 1")).hasMessageContaining("no '-- name:'");
    }

    @Test
    void loadsTheFileBesideItsRepository() {
        SqlStatements sql = SqlStatements.load(MigrationRunner.class, "migrations.sql");

        assertThat(sql.names()).contains("lock-migrations", "create-schema-migrations", "find-applied-migrations",
                "record-migration");
    }

    @Test
    void recordsTheNamesItsOwnerAsksForAndKnowsWhereEachFileWasLoaded() {
        SqlStatements sql = SqlStatements.parse("test.sql", "-- name: one\nSELECT 1\n-- name: two\nSELECT 2");
        assertThat(sql.unused()).containsExactly("one", "two");

        assertThat(sql.statement("two")).isEqualTo("SELECT 2");
        assertThat(sql.get("one")).isEqualTo("SELECT 1");
        assertThat(sql.unused()).as("get does not count as use").containsExactly("one");
        assertThatThrownBy(() -> sql.statement("three")).hasMessageContaining("no statement named 'three'");

        SqlStatements loaded = SqlStatements.load(SqlStatementsTest.class, "statements-test.sql");
        assertThat(SqlStatements.loaded()).contains(loaded);
        assertThat(loaded.owner()).isEqualTo(SqlStatementsTest.class);
        assertThat(loaded.resource()).isEqualTo("com/campaignmanager/shared/db/statements-test.sql");
        assertThat(loaded.unused()).containsExactly("find-nothing");
    }
}
