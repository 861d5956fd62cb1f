package com.campaignmanager.local.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamedParameterSqlTest {

    @Test
    void placeholdersBecomeJdbcParametersAndMayRepeat() {
        NamedParameterSql sql = NamedParameterSql.parse("select * from t where a = :id or b = :id and c = :other_1");
        assertThat(sql.jdbcSql()).isEqualTo("select * from t where a = ? or b = ? and c = ?");
        assertThat(sql.parameterNames()).containsExactly("id", "id", "other_1");
    }

    @Test
    void castsAfterPlaceholdersStay() {
        NamedParameterSql sql = NamedParameterSql.parse("select :id::uuid, x::text, '{1}'::int[]");
        assertThat(sql.jdbcSql()).isEqualTo("select ?::uuid, x::text, '{1}'::int[]");
        assertThat(sql.parameterNames()).containsExactly("id");
    }

    @Test
    void quotedTextAndCommentsAreLeftAlone() {
        String text = "select ':a', 'it''s :b', E'\\':c', \":d\", $$ :e $$, $tag$ :f $x$ $tag$ -- :g\n"
                + "/* :h /* :i */ :j */ , :k";
        NamedParameterSql sql = NamedParameterSql.parse(text);
        assertThat(sql.parameterNames()).containsExactly("k");
        assertThat(sql.jdbcSql()).isEqualTo(text.replace(":k", "?"));
    }

    @Test
    void positionalDollarParametersAndIdentifiersWithDollarsAreNotQuotes() {
        NamedParameterSql sql = NamedParameterSql.parse("select a$b, $1, :x");
        assertThat(sql.parameterNames()).containsExactly("x");
    }

    @Test
    void aLiteralQuestionMarkIsEscapedForPgjdbc() {
        NamedParameterSql sql = NamedParameterSql.parse("select doc ? 'a', doc ?| array['b'], '?'");
        assertThat(sql.jdbcSql()).isEqualTo("select doc ?? 'a', doc ??| array['b'], '?'");
        assertThat(sql.parameterNames()).isEmpty();
    }

    @Test
    void oneStatementWithOrWithoutATrailingSemicolon() {
        assertThat(NamedParameterSql.parse("select 1").multipleStatements()).isFalse();
        assertThat(NamedParameterSql.parse("select 1; -- done\n").multipleStatements()).isFalse();
        assertThat(NamedParameterSql.parse("select ';'; ").multipleStatements()).isFalse();
        assertThat(NamedParameterSql.parse("create function f() returns int as $$ select 1; $$ language sql")
                .multipleStatements()).isFalse();
        assertThat(NamedParameterSql.parse("select 1; select 2").multipleStatements()).isTrue();
    }
}
