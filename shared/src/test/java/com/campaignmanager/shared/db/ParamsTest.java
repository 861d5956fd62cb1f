package com.campaignmanager.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

class ParamsTest {

    private static SqlParameter only(Params params) {
        return params.toList().get(0);
    }

    @Test
    void timestampsAreUtcWithoutTOrZAndWithoutTrailingZeros() {
        assertThat(only(Params.of().put("t", Instant.parse("2026-10-01T07:00:00Z"))).value().stringValue())
                .isEqualTo("2026-10-01 07:00:00");
        SqlParameter fraction = only(Params.of().put("t", Instant.parse("2026-10-01T07:00:00.120000999Z")));
        assertThat(fraction.value().stringValue()).isEqualTo("2026-10-01 07:00:00.12");
        assertThat(fraction.typeHint()).isEqualTo(TypeHint.TIMESTAMP);
    }

    @Test
    void typesPostgresWouldNotTakeFromVarcharCarryAHint() {
        assertThat(only(Params.of().put("u", UUID.randomUUID())).typeHint()).isEqualTo(TypeHint.UUID);
        assertThat(only(Params.of().put("d", LocalDate.of(2026, 1, 2))).typeHint()).isEqualTo(TypeHint.DATE);
        SqlParameter decimal = only(Params.of().put("n", new BigDecimal("1E+3")));
        assertThat(decimal.typeHint()).isEqualTo(TypeHint.DECIMAL);
        assertThat(decimal.value().stringValue()).isEqualTo("1000");
        assertThat(only(Params.of().putJson("j", "{}")).typeHint()).isEqualTo(TypeHint.JSON);
        assertThat(only(Params.of().put("s", "text")).typeHint()).isNull();
    }

    @Test
    void listsBecomeOneJsonArray() {
        SqlParameter list = only(Params.of().putList("ids", Arrays.asList("a\"b", 3, true, null, "line\nbreak")));

        assertThat(list.value().stringValue()).isEqualTo("[\"a\\\"b\",3,true,null,\"line\\nbreak\"]");
        assertThat(list.typeHint()).isEqualTo(TypeHint.JSON);
        assertThat(only(Params.of().putList("none", List.of())).value().stringValue()).isEqualTo("[]");
    }

    @Test
    void nullsBindAsSqlNull() {
        assertThat(only(Params.of().put("u", (UUID) null)).value().isNull()).isTrue();
        assertThat(only(Params.of().put("s", (String) null)).value().isNull()).isTrue();
    }

    @Test
    void aNameBoundTwiceIsAMistake() {
        assertThatThrownBy(() -> Params.of("a", "x").put("a", "y")).hasMessageContaining(":a is bound twice");
    }

    @Test
    void onlyPlainSelectsCountAsReads() {
        assertThat(StatementRunner.isSelect("SELECT 1")).isTrue();
        assertThat(StatementRunner.isSelect("  -- comment\n /* c */ (select 1)")).isTrue();
        assertThat(StatementRunner.isSelect("selection")).isFalse();
        assertThat(StatementRunner.isSelect("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x")).isFalse();
        assertThat(StatementRunner.isSelect("INSERT INTO t VALUES (1) RETURNING id")).isFalse();
    }
}
