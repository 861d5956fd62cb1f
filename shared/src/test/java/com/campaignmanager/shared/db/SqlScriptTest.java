package com.campaignmanager.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtTopLevelSemicolonsOnly() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (note text DEFAULT 'x;y', "odd;name" int);
                /* block; comment /* nested; */ still comment */
                CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
                DO $$ BEGIN PERFORM 1; END $$;
                INSERT INTO a (note) VALUES ('it''s; fine')
                """;

        assertThat(SqlScript.split(script)).containsExactly(
                "-- a comment; with a semicolon\nCREATE TABLE a (note text DEFAULT 'x;y', \"odd;name\" int)",
                "/* block; comment /* nested; */ still comment */\n"
                        + "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
                "DO $$ BEGIN PERFORM 1; END $$",
                "INSERT INTO a (note) VALUES ('it''s; fine')");
    }

    @Test
    void dropsEmptyAndCommentOnlyStatements() {
        assertThat(SqlScript.split(";;  -- nothing here\n ; /* nor here */")).isEmpty();
    }

    @Test
    void positionalDollarIsNotAQuote() {
        assertThat(SqlScript.split("SELECT $1; SELECT 2")).containsExactly("SELECT $1", "SELECT 2");
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> SqlScript.split("SELECT 'open")).isInstanceOf(IllegalArgumentException.class);
    }
}
