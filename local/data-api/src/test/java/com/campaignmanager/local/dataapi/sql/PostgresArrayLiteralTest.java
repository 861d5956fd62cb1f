package com.campaignmanager.local.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresArrayLiteralTest {

    @Test
    void flatArraysWithNulls() {
        assertThat(PostgresArrayLiteral.parse("{1,2,NULL}")).containsExactly("1", "2", null);
        assertThat(PostgresArrayLiteral.parse("{}")).isEmpty();
    }

    @Test
    void quotedElementsKeepSpacesEscapesAndTheWordNull() {
        assertThat(PostgresArrayLiteral.parse("{\"a b\",\"c\\\"d\",\"NULL\",\"x,y\",\"back\\\\slash\"}"))
                .containsExactly("a b", "c\"d", "NULL", "x,y", "back\\slash");
    }

    @Test
    void nestedArraysAndDimensionDecoration() {
        assertThat(PostgresArrayLiteral.parse("{{1,2},{3,4}}"))
                .containsExactly(List.of("1", "2"), List.of("3", "4"));
        assertThat(PostgresArrayLiteral.parse("[0:1]={5,6}")).containsExactly("5", "6");
    }

    @Test
    void otherDelimiters() {
        assertThat(PostgresArrayLiteral.parse("{(1,1),(0,0);(2,2),(1,1)}", ';'))
                .isEqualTo(Arrays.asList("(1,1),(0,0)", "(2,2),(1,1)"));
    }

    @Test
    void malformedText() {
        assertThatThrownBy(() -> PostgresArrayLiteral.parse("{1,2")).isInstanceOf(IllegalArgumentException.class);
    }
}
