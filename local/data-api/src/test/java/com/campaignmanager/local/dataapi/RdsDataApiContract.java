package com.campaignmanager.local.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.BadRequestException;
import software.amazon.awssdk.services.rdsdata.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.DatabaseErrorException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;
import software.amazon.awssdk.services.rdsdata.model.DatabaseUnavailableException;
import software.amazon.awssdk.services.rdsdata.model.DecimalReturnType;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.HttpEndpointNotEnabledException;
import software.amazon.awssdk.services.rdsdata.model.LongReturnType;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;
import software.amazon.awssdk.services.rdsdata.model.RecordsFormatType;
import software.amazon.awssdk.services.rdsdata.model.SecretsErrorException;
import software.amazon.awssdk.services.rdsdata.model.ServiceUnavailableErrorException;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.StatementTimeoutException;
import software.amazon.awssdk.services.rdsdata.model.TransactionNotFoundException;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;
import software.amazon.awssdk.services.rdsdata.model.UnsupportedResultException;

/**
 * What the RDS Data API does, as seen through the unmodified SDK client. Run against the local Data API and, when
 * possible, against LocalStack, so that the local behaviour is checked against an independent implementation.
 * Tests that need to steer the server (limits, injected faults) run only where {@link #local()} is available.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RdsDataApiContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TABLES = new AtomicInteger();

    private DataApiTarget target;
    private RdsDataClient client;
    private TestAbortedException unavailable;

    /** The endpoint, ARNs and database to test; may skip the class through an assumption. */
    protected abstract DataApiTarget target();

    /** The local Data API behind the target, when there is one to steer. */
    protected Optional<LocalDataApi> local() {
        return Optional.empty();
    }

    /**
     * Connects on first use. A target that cannot be reached (an assumption failed) skips every test, each with
     * the reason, rather than silently dropping the class.
     */
    @BeforeEach
    void connect() {
        if (client == null && unavailable == null) {
            try {
                target = target();
                client = target.client();
            } catch (TestAbortedException e) {
                unavailable = e;
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
    }

    @AfterAll
    void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @AfterEach
    void restoreServer() {
        local().ifPresent(api -> {
            api.limits().reset();
            api.faults().clear();
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private ExecuteStatementRequest.Builder statement(String sql, SqlParameter... parameters) {
        return ExecuteStatementRequest.builder()
                .resourceArn(target.resourceArn())
                .secretArn(target.secretArn())
                .database(target.database())
                .sql(sql)
                .parameters(parameters);
    }

    private ExecuteStatementResponse execute(String sql, SqlParameter... parameters) {
        return client.executeStatement(statement(sql, parameters).build());
    }

    private ExecuteStatementResponse executeIn(String transactionId, String sql, SqlParameter... parameters) {
        return client.executeStatement(statement(sql, parameters).transactionId(transactionId).build());
    }

    private String beginTransaction() {
        return client.beginTransaction(b -> b.resourceArn(target.resourceArn()).secretArn(target.secretArn())
                .database(target.database())).transactionId();
    }

    private String commit(String transactionId) {
        return client.commitTransaction(b -> b.resourceArn(target.resourceArn()).secretArn(target.secretArn())
                .transactionId(transactionId)).transactionStatus();
    }

    private String rollback(String transactionId) {
        return client.rollbackTransaction(b -> b.resourceArn(target.resourceArn()).secretArn(target.secretArn())
                .transactionId(transactionId)).transactionStatus();
    }

    /** A table of its own for each test, so tests never see each other's rows. */
    private String table(String columns) {
        String name = "t" + TABLES.incrementAndGet() + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        execute("create table " + name + " (" + columns + ")");
        return name;
    }

    private long count(String table) {
        return execute("select count(*) from " + table).records().get(0).get(0).longValue();
    }

    private static SqlParameter param(String name, Field value) {
        return SqlParameter.builder().name(name).value(value).build();
    }

    private static SqlParameter param(String name, String value, TypeHint hint) {
        return SqlParameter.builder().name(name).value(Field.fromStringValue(value)).typeHint(hint).build();
    }

    private static Field string(String value) {
        return Field.fromStringValue(value);
    }

    private static Field single(ExecuteStatementResponse response) {
        return response.records().get(0).get(0);
    }

    private LocalDataApi requireLocal() {
        assumeTrue(local().isPresent(), "needs the local Data API's runtime controls");
        return local().get();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(20); // polling interval, not a wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // ---- values --------------------------------------------------------------------------------------------

    @Nested
    class Values {

        @Test
        void eachParameterFieldTypeIsBoundAndReadBack() {
            String table = table("l int8, d float8, s text, b bool, bytes bytea, nothing text");
            byte[] blob = new byte[300];
            ThreadLocalRandom.current().nextBytes(blob);

            ExecuteStatementResponse inserted = execute(
                    "insert into " + table + " values (:l, :d, :s, :b, :bytes, :nothing)",
                    param("l", Field.fromLongValue(Long.MAX_VALUE)),
                    param("d", Field.fromDoubleValue(2.5e-300)),
                    param("s", string("héllo 'wörld' \u263A")),
                    param("b", Field.fromBooleanValue(true)),
                    param("bytes", Field.fromBlobValue(SdkBytes.fromByteArray(blob))),
                    param("nothing", Field.fromIsNull(true)));
            assertThat(inserted.numberOfRecordsUpdated()).isEqualTo(1L);

            List<Field> row = execute("select l, d, s, b, bytes, nothing from " + table).records().get(0);
            assertThat(row.get(0).longValue()).isEqualTo(Long.MAX_VALUE);
            assertThat(row.get(1).doubleValue()).isEqualTo(2.5e-300);
            assertThat(row.get(2).stringValue()).isEqualTo("héllo 'wörld' \u263A");
            assertThat(row.get(3).booleanValue()).isTrue();
            assertThat(row.get(4).blobValue().asByteArray()).isEqualTo(blob);
            assertThat(row.get(5).isNull()).isTrue();
        }

        @Test
        void parametersBindAsTheServiceBindsThem() {
            List<Field> row = execute("select pg_typeof(:l)::text, pg_typeof(:d)::text, pg_typeof(:s)::text, "
                            + "pg_typeof(:b)::text, pg_typeof(:x)::text",
                    param("l", Field.fromLongValue(1L)), param("d", Field.fromDoubleValue(1.5)),
                    param("s", string("text")), param("b", Field.fromBooleanValue(false)),
                    param("x", Field.fromBlobValue(SdkBytes.fromUtf8String("x")))).records().get(0);
            assertThat(row).extracting(Field::stringValue)
                    .containsExactly("bigint", "double precision", "character varying", "boolean", "bytea");
        }

        @Test
        void eachPostgresTypeComesBackAsTheServiceReturnsIt() {
            List<Field> row = execute("select 1::int2, 2::int4, 3::int8, 1.5::float4, 2.25::float8, "
                    + "123456.789::numeric(10,4), true, '\\x0102'::bytea, 'text'::text, 'vc'::varchar(5), 'c'::char(3), "
                    + "'6f1c1a3e-3d4b-4f5e-9a8b-7c6d5e4f3a2b'::uuid, '{\"a\": 1}'::json, '{\"a\": 1}'::jsonb, "
                    + "'2024-02-29'::date, '2024-01-02 03:04:05.120'::timestamp, '2024-01-02 03:04:05'::timestamp, "
                    + "'2024-01-02 03:04:05.5+02'::timestamptz, '13:14:15.25'::time, null::text, '1 day'::interval")
                    .records().get(0);

            assertThat(row.get(0).longValue()).isEqualTo(1L);
            assertThat(row.get(1).longValue()).isEqualTo(2L);
            assertThat(row.get(2).longValue()).isEqualTo(3L);
            assertThat(row.get(3).doubleValue()).isEqualTo(1.5);
            assertThat(row.get(4).doubleValue()).isEqualTo(2.25);
            assertThat(row.get(5).stringValue()).isEqualTo("123456.7890");
            assertThat(row.get(6).booleanValue()).isTrue();
            assertThat(row.get(7).blobValue().asByteArray()).containsExactly(1, 2);
            assertThat(row.get(8).stringValue()).isEqualTo("text");
            assertThat(row.get(9).stringValue()).isEqualTo("vc");
            assertThat(row.get(10).stringValue()).isEqualTo("c  ");
            assertThat(row.get(11).stringValue()).isEqualTo("6f1c1a3e-3d4b-4f5e-9a8b-7c6d5e4f3a2b");
            assertThat(row.get(12).stringValue()).isEqualTo("{\"a\": 1}");
            assertThat(row.get(13).stringValue()).isEqualTo("{\"a\": 1}");
            assertThat(row.get(14).stringValue()).isEqualTo("2024-02-29");
            assertThat(row.get(15).stringValue()).isEqualTo("2024-01-02 03:04:05.12");
            assertThat(row.get(16).stringValue()).isEqualTo("2024-01-02 03:04:05");
            assertThat(row.get(17).stringValue()).isEqualTo("2024-01-02 01:04:05.5");
            assertThat(row.get(18).stringValue()).isEqualTo("13:14:15.25");
            assertThat(row.get(19).isNull()).isTrue();
            assertThat(row.get(20).stringValue()).isEqualTo("1 day");
        }

        @Test
        void arraysComeBackAsTypedLists() {
            List<Field> row = execute("select '{1,2,NULL}'::int[], '{\"a b\",c,NULL}'::text[], '{t,f}'::bool[], "
                    + "'{1.5,2.5}'::float8[], '{1.10,2}'::numeric[], '{}'::int[], "
                    + "array['2024-01-02 03:04:05+01']::timestamptz[]").records().get(0);

            assertThat(row.get(0).arrayValue().longValues()).containsExactly(1L, 2L, null);
            assertThat(row.get(1).arrayValue().stringValues()).containsExactly("a b", "c", null);
            assertThat(row.get(2).arrayValue().booleanValues()).containsExactly(true, false);
            assertThat(row.get(3).arrayValue().doubleValues()).containsExactly(1.5, 2.5);
            assertThat(row.get(4).arrayValue().stringValues()).containsExactly("1.10", "2");
            assertThat(row.get(5).arrayValue().longValues()).isEmpty();
            assertThat(row.get(6).arrayValue().stringValues()).containsExactly("2024-01-02 02:04:05");
        }

        @Test
        void multidimensionalArraysAreAnUnsupportedResult() {
            // The service model: UnsupportedResultException when the result "contained a multidimensional array".
            assertThatThrownBy(() -> execute("select '{{1,2},{3,4}}'::int[]"))
                    .isInstanceOf(UnsupportedResultException.class);
        }

        @Test
        void namedPlaceholdersSkipLiteralsCommentsAndCasts() {
            List<Field> row = execute("select :a::int + :a::int as twice, ':notparam' as lit, E'\\':x' as esc, "
                            + "$$:nope$$ as dollar, \":quoted\" /* :comment */ -- :line\n from (select 1 as \":quoted\") q",
                    param("a", Field.fromLongValue(21L))).records().get(0);
            assertThat(row.get(0).longValue()).isEqualTo(42L);
            assertThat(row.get(1).stringValue()).isEqualTo(":notparam");
            assertThat(row.get(2).stringValue()).isEqualTo("':x");
            assertThat(row.get(3).stringValue()).isEqualTo(":nope");
            assertThat(row.get(4).longValue()).isEqualTo(1L);
        }

        @Test
        void jsonbQuestionMarkOperatorIsNotAPlaceholder() {
            Field found = single(execute("select :doc::jsonb ? 'a'", param("doc", string("{\"a\": 1}"))));
            assertThat(found.booleanValue()).isTrue();
        }

        @Test
        void nonFiniteDoublesRoundTrip() {
            List<Field> row = execute("select :nan::float8, 'Infinity'::float8",
                    param("nan", Field.fromDoubleValue(Double.NaN))).records().get(0);
            assertThat(row.get(0).doubleValue()).isNaN();
            assertThat(row.get(1).doubleValue()).isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    // ---- type hints and the varchar trap -------------------------------------------------------------------

    @Nested
    class TypeHints {

        @Test
        void aPlainStringIntoAUuidColumnFailsAsOnAws() {
            String table = table("id uuid");
            DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class,
                    () -> execute("insert into " + table + " values (:id)", param("id", string(UUID.randomUUID().toString()))));
            assertThat(error.getMessage())
                    .contains("column \"id\" is of type uuid but expression is of type character varying")
                    .contains("SQLState: 42804");
        }

        @Test
        void aUuidTypeHintOrACastMakesItWork() {
            String table = table("id uuid");
            String id = UUID.randomUUID().toString();
            execute("insert into " + table + " values (:id)", param("id", id, TypeHint.UUID));
            execute("insert into " + table + " values (:id::uuid)", param("id", string(id)));
            assertThat(execute("select id from " + table).records())
                    .extracting(r -> r.get(0).stringValue()).containsExactly(id, id);
        }

        @Test
        void jsonHint() {
            String table = table("doc jsonb");
            assertThatThrownBy(() -> execute("insert into " + table + " values (:doc)", param("doc", string("{\"a\": 1}"))))
                    .isInstanceOf(DatabaseErrorException.class);
            execute("insert into " + table + " values (:doc)", param("doc", "{\"a\": [1, 2]}", TypeHint.JSON));
            assertThat(single(execute("select doc->'a'->>1 from " + table)).stringValue()).isEqualTo("2");
        }

        @Test
        void timestampHint() {
            String table = table("at timestamptz, local_at timestamp");
            assertThatThrownBy(() -> execute("insert into " + table + " (at) values (:at)",
                    param("at", string("2024-01-02 03:04:05")))).isInstanceOf(DatabaseErrorException.class);
            execute("insert into " + table + " values (:at, :at)", param("at", "2024-01-02 03:04:05.250", TypeHint.TIMESTAMP));
            List<Field> row = execute("select at, local_at from " + table).records().get(0);
            assertThat(row.get(0).stringValue()).isEqualTo("2024-01-02 03:04:05.25");
            assertThat(row.get(1).stringValue()).isEqualTo("2024-01-02 03:04:05.25");
        }

        @Test
        void timestampHintRejectsIsoTAndZ() {
            assertThatThrownBy(() -> execute("select :at", param("at", "2024-01-02T03:04:05Z", TypeHint.TIMESTAMP)))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("Parse Error for TimeStamp: input contains invalid characters");
        }

        @Test
        void dateTimeAndDecimalHints() {
            String table = table("day date, at time, amount numeric(10,4)");
            execute("insert into " + table + " values (:day, :at, :amount)",
                    param("day", "2024-02-29", TypeHint.DATE),
                    param("at", "13:14:15.123", TypeHint.TIME),
                    param("amount", "12345.6789", TypeHint.DECIMAL));
            List<Field> row = execute("select day, at, amount, pg_typeof(:d)::text from " + table,
                    param("d", "1.50", TypeHint.DECIMAL)).records().get(0);
            assertThat(row).extracting(Field::stringValue)
                    .containsExactly("2024-02-29", "13:14:15.123", "12345.6789", "numeric");
        }
    }

    // ---- statements, parameters and results ----------------------------------------------------------------

    @Nested
    class Statements {

        @Test
        void numberOfRecordsUpdated() {
            String table = table("id int primary key, name text");
            assertThat(execute("insert into " + table + " values (1, 'a'), (2, 'b')").numberOfRecordsUpdated()).isEqualTo(2L);
            assertThat(execute("update " + table + " set name = 'c'").numberOfRecordsUpdated()).isEqualTo(2L);
            assertThat(execute("select * from " + table).numberOfRecordsUpdated()).isZero();
            assertThat(execute("create index on " + table + " (name)").numberOfRecordsUpdated()).isZero();
            ExecuteStatementResponse returning = execute("insert into " + table + " values (3, 'd') returning id");
            assertThat(returning.numberOfRecordsUpdated()).isZero();
            assertThat(returning.records().get(0).get(0).longValue()).isEqualTo(3L);
            assertThat(returning.generatedFields()).isEmpty();
        }

        @Test
        void aMissingParameterIsABadRequest() {
            assertThatThrownBy(() -> execute("select :a, :b", param("a", Field.fromLongValue(1L))))
                    .isInstanceOf(BadRequestException.class);
        }

        @Test
        void aParameterWithNoValueFieldIsABadRequest() {
            assertThatThrownBy(() -> execute("select :x", param("x", Field.builder().build())))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("Parameter \"x\" has value with no field set");
        }

        @Test
        void arrayParametersAreNotSupported() {
            Field array = Field.fromArrayValue(a -> a.longValues(1L, 2L));
            assertThatThrownBy(() -> execute("select :ids", param("ids", array)))
                    .isInstanceOf(BadRequestException.class);
        }

        @Test
        void oneStatementPerCall() {
            assertThat(single(execute("select 1;")).longValue()).isEqualTo(1L);
            assertThatThrownBy(() -> execute("select 1; select 2")).isInstanceOf(DatabaseErrorException.class);
        }

        @Test
        void sqlErrorsAreDatabaseErrorsWithTheSqlState() {
            DatabaseErrorException error = catchThrowableOfType(DatabaseErrorException.class,
                    () -> execute("selec 1"));
            assertThat(error.getMessage()).startsWith("ERROR: syntax error at or near \"selec\"").contains("SQLState: 42601");
            assertThat(error.statusCode()).isEqualTo(400);
        }

        @Test
        void formatRecordsAsJson() throws Exception {
            ExecuteStatementResponse response = client.executeStatement(statement(
                    "select 1 as id, 'x' as name, 1.50::numeric(4,2) as amount, true as active, null as missing, "
                            + "'{1,2}'::int[] as ids, 2.5::float8 as ratio")
                    .formatRecordsAs(RecordsFormatType.JSON).build());
            assertThat(response.hasRecords()).isFalse();
            assertThat(response.hasColumnMetadata()).isFalse();
            JsonNode rows = JSON.readTree(response.formattedRecords());
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).toString())
                    .isEqualTo("{\"id\":1,\"name\":\"x\",\"amount\":\"1.50\",\"active\":true,\"missing\":null,"
                            + "\"ids\":[1,2],\"ratio\":2.5}");
        }

        @Test
        void formatRecordsAsJsonNeedsDistinctLabels() {
            assertThatThrownBy(() -> client.executeStatement(statement("select 1 as a, 2 as a")
                    .formatRecordsAs(RecordsFormatType.JSON).build())).isInstanceOf(BadRequestException.class);
        }

        @Test
        void resultSetOptions() {
            List<Field> row = client.executeStatement(statement("select 12.50::numeric(10,2), 7::numeric, 42::int8")
                    .resultSetOptions(o -> o.decimalReturnType(DecimalReturnType.DOUBLE_OR_LONG)
                            .longReturnType(LongReturnType.STRING)).build()).records().get(0);
            assertThat(row.get(0).doubleValue()).isEqualTo(12.5);
            assertThat(row.get(1).longValue()).isEqualTo(7L);
            assertThat(row.get(2).stringValue()).isEqualTo("42");
        }

        @Test
        void includeResultMetadata() {
            String table = table("id serial primary key, amount numeric(10,4) not null, tags int[]");
            ExecuteStatementResponse response = client.executeStatement(
                    statement("select id, amount as total, tags from " + table).includeResultMetadata(true).build());
            assertThat(response.records()).isEmpty();
            List<ColumnMetadata> columns = response.columnMetadata();
            assertThat(columns).extracting(ColumnMetadata::label).containsExactly("id", "total", "tags");
            assertThat(columns).extracting(ColumnMetadata::typeName).containsExactly("serial", "numeric", "_int4");
            ColumnMetadata amount = columns.get(1);
            assertThat(amount.type()).isEqualTo(java.sql.Types.NUMERIC);
            assertThat(amount.precision()).isEqualTo(10);
            assertThat(amount.scale()).isEqualTo(4);
            assertThat(amount.nullable()).isZero();
            assertThat(amount.tableName()).isEqualTo(table);
            assertThat(columns.get(0).isAutoIncrement()).isTrue();
            assertThat(columns.get(2).type()).isEqualTo(java.sql.Types.ARRAY);
            assertThat(columns.get(2).arrayBaseColumnType()).isEqualTo(java.sql.Types.INTEGER);
            assertThat(execute("select 1").hasColumnMetadata()).isFalse();
        }

        @Test
        void batchRunsOncePerParameterSet() {
            String table = table("id int, name text");
            BatchExecuteStatementResponse response = client.batchExecuteStatement(b -> b
                    .resourceArn(target.resourceArn()).secretArn(target.secretArn()).database(target.database())
                    .sql("insert into " + table + " values (:id, :name)")
                    .parameterSets(List.of(
                            List.of(param("id", Field.fromLongValue(1L)), param("name", string("a"))),
                            List.of(param("id", Field.fromLongValue(2L)), param("name", string("b"))),
                            List.of(param("id", Field.fromLongValue(3L)), param("name", Field.fromIsNull(true))))));
            assertThat(response.updateResults()).hasSize(3)
                    .allSatisfy(result -> assertThat(result.generatedFields()).isEmpty());
            assertThat(count(table)).isEqualTo(3L);
        }

        @Test
        void batchWithoutParameterSetsDoesNotRunTheStatement() {
            String table = table("id int");
            BatchExecuteStatementResponse response = client.batchExecuteStatement(b -> b
                    .resourceArn(target.resourceArn()).secretArn(target.secretArn()).database(target.database())
                    .sql("insert into " + table + " values (1)"));
            assertThat(response.updateResults()).isEmpty();
            assertThat(count(table)).isZero();

            client.batchExecuteStatement(b -> b
                    .resourceArn(target.resourceArn()).secretArn(target.secretArn()).database(target.database())
                    .sql("insert into " + table + " values (1)").parameterSets(List.of(List.of())));
            assertThat(count(table)).isEqualTo(1L);
        }

        @Test
        void aFailingBatchAppliesNothing() {
            String table = table("id int primary key");
            assertThatThrownBy(() -> client.batchExecuteStatement(b -> b
                    .resourceArn(target.resourceArn()).secretArn(target.secretArn()).database(target.database())
                    .sql("insert into " + table + " values (:id)")
                    .parameterSets(List.of(List.of(param("id", Field.fromLongValue(1L))),
                            List.of(param("id", Field.fromLongValue(1L)))))))
                    .isInstanceOf(DatabaseErrorException.class).hasMessageContaining("SQLState: 23505");
            assertThat(count(table)).isZero();
        }
    }

    // ---- transactions --------------------------------------------------------------------------------------

    @Nested
    class Transactions {

        @Test
        void commitMakesTheWorkVisible() {
            String table = table("id int");
            String transactionId = beginTransaction();
            executeIn(transactionId, "insert into " + table + " values (1)");
            assertThat(single(executeIn(transactionId, "select count(*) from " + table)).longValue()).isEqualTo(1L);
            assertThat(count(table)).isZero();
            assertThat(commit(transactionId)).isEqualTo("Transaction Committed");
            assertThat(count(table)).isEqualTo(1L);
        }

        @Test
        void rollbackDiscardsTheWork() {
            String table = table("id int");
            String transactionId = beginTransaction();
            executeIn(transactionId, "insert into " + table + " values (1)");
            client.batchExecuteStatement(b -> b.resourceArn(target.resourceArn()).secretArn(target.secretArn())
                    .transactionId(transactionId).sql("insert into " + table + " values (:id)")
                    .parameterSets(List.of(List.of(param("id", Field.fromLongValue(2L))))));
            assertThat(rollback(transactionId)).isEqualTo("Rollback Complete");
            assertThat(count(table)).isZero();
        }

        @Test
        void anEndedOrUnknownTransactionIsNotFound() {
            String transactionId = beginTransaction();
            commit(transactionId);
            assertThatThrownBy(() -> executeIn(transactionId, "select 1"))
                    .isInstanceOf(TransactionNotFoundException.class)
                    .hasMessageContaining("Transaction " + transactionId + " is not found");
            assertThatThrownBy(() -> commit(transactionId)).isInstanceOf(TransactionNotFoundException.class);
            assertThatThrownBy(() -> rollback("no-such-transaction")).isInstanceOf(TransactionNotFoundException.class);
        }

        @Test
        void anIdleTransactionIsRolledBackAndForgotten() {
            LocalDataApi api = requireLocal();
            String table = table("id int");
            String transactionId = beginTransaction();
            executeIn(transactionId, "insert into " + table + " values (1)");
            int open = api.activeTransactions();

            api.limits().setTransactionIdleTimeout(Duration.ofMillis(300));
            await("the idle transaction is swept", () -> api.activeTransactions() < open);

            assertThatThrownBy(() -> executeIn(transactionId, "select 1")).isInstanceOf(TransactionNotFoundException.class);
            assertThatThrownBy(() -> commit(transactionId)).isInstanceOf(TransactionNotFoundException.class);
            assertThat(count(table)).isZero();
        }

        @Test
        void aTransactionPastItsLifetimeIsRolledBack() {
            LocalDataApi api = requireLocal();
            String transactionId = beginTransaction();
            api.limits().setTransactionMaxLifetime(Duration.ofMillis(200));
            await("the old transaction is gone", () -> {
                try {
                    executeIn(transactionId, "select 1"); // use keeps it from being idle, not from being old
                    return false;
                } catch (TransactionNotFoundException expected) {
                    return true;
                }
            });
        }
    }

    // ---- errors --------------------------------------------------------------------------------------------

    @Nested
    class Errors {

        @Test
        void anotherClusterHasNoHttpEndpoint() {
            assertThatThrownBy(() -> client.executeStatement(statement("select 1")
                    .resourceArn("arn:aws:rds:us-east-1:000000000000:cluster:some-other-cluster").build()))
                    .isInstanceOf(HttpEndpointNotEnabledException.class)
                    .hasMessageContaining("HttpEndpoint is not enabled for cluster some-other-cluster");
        }

        @Test
        void anUnknownSecretIsASecretsError() {
            assertThatThrownBy(() -> client.executeStatement(statement("select 1")
                    .secretArn("arn:aws:secretsmanager:us-east-1:000000000000:secret:nope").build()))
                    .isInstanceOf(SecretsErrorException.class);
        }

        @Test
        void schemaIsNotSupported() {
            assertThatThrownBy(() -> client.executeStatement(statement("select 1").schema("public").build()))
                    .isInstanceOf(BadRequestException.class);
        }

        @Test
        void anUnknownDatabaseIsADatabaseError() {
            assertThatThrownBy(() -> client.executeStatement(statement("select 1").database("no_such_database").build()))
                    .isInstanceOf(DatabaseErrorException.class)
                    .hasMessageContaining("database \"no_such_database\" does not exist")
                    .hasMessageContaining("3D000");
        }

        @Test
        void aSlowStatementTimesOutAndIsCancelled() {
            LocalDataApi api = requireLocal();
            api.limits().setStatementTimeout(Duration.ofMillis(500));
            StatementTimeoutException timeout = catchThrowableOfType(StatementTimeoutException.class,
                    () -> execute("select pg_sleep(30)"));
            assertThat(timeout.dbConnectionId()).isPositive();
            assertThat(timeout.statusCode()).isEqualTo(400);
            api.limits().reset();
            // The session may be back in the pool and be the one asking: that one is not running the sleep.
            long stillRunning = execute("select count(*) from pg_stat_activity "
                            + "where pid = :pid and pid <> pg_backend_pid() and state = 'active'",
                    param("pid", Field.fromLongValue(timeout.dbConnectionId()))).records().get(0).get(0).longValue();
            assertThat(stillRunning).isZero();
        }

        @Test
        void continueAfterTimeoutLetsTheStatementFinish() {
            LocalDataApi api = requireLocal();
            String table = table("id int");
            api.limits().setStatementTimeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> client.executeStatement(
                    statement("insert into " + table + " select 1 from pg_sleep(1)").continueAfterTimeout(true).build()))
                    .isInstanceOf(StatementTimeoutException.class);
            api.limits().reset();
            await("the statement went on and committed", () -> count(table) == 1L);
        }

        @Test
        void aResultOverTheResponseLimitFails() {
            LocalDataApi api = requireLocal();
            api.limits().setResponseSizeLimitBytes(10_000);
            assertThatThrownBy(() -> execute("select repeat('x', 1000) from generate_series(1, 20)"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("Database returned more than the allowed response size limit");
            assertThat(execute("select repeat('x', 1000) from generate_series(1, 5)").records()).hasSize(5);
        }

        @Test
        void aRowOver64KbFails() {
            assertThatThrownBy(() -> execute("select repeat('x', 70000)")).isInstanceOf(BadRequestException.class);
        }
    }

    // ---- injected faults -----------------------------------------------------------------------------------

    @Nested
    class Faults {

        @Test
        void eachFaultReachesTheCallerAsTheSdkExceptionForIt() {
            LocalDataApi api = requireLocal();
            expectFault(api, DataApiFault.DATABASE_RESUMING, DatabaseResumingException.class, 400);
            expectFault(api, DataApiFault.SERVICE_UNAVAILABLE, ServiceUnavailableErrorException.class, 503);
            expectFault(api, DataApiFault.DATABASE_UNAVAILABLE, DatabaseUnavailableException.class, 504);
            expectFault(api, DataApiFault.STATEMENT_TIMEOUT, StatementTimeoutException.class, 400);
            RdsDataException throttled = expectFault(api, DataApiFault.THROTTLING, RdsDataException.class, 400);
            assertThat(throttled.isThrottlingException()).isTrue();
            assertThat(throttled.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
        }

        private <T extends RdsDataException> T expectFault(LocalDataApi api, DataApiFault fault, Class<T> type, int status) {
            api.faults().failNext(1, fault);
            T error = catchThrowableOfType(type, () -> execute("select 1"));
            assertThat(error).as(fault.name()).isNotNull();
            assertThat(error.statusCode()).isEqualTo(status);
            assertThat(single(execute("select 1")).longValue()).isEqualTo(1L); // only the next call failed
            return error;
        }

        @Test
        void aCountOfFaultsFailsThatManyCalls() {
            LocalDataApi api = requireLocal();
            api.faults().failNext(2, DataApiFault.SERVICE_UNAVAILABLE);
            assertThatThrownBy(() -> execute("select 1")).isInstanceOf(ServiceUnavailableErrorException.class);
            assertThatThrownBy(() -> beginTransaction()).isInstanceOf(ServiceUnavailableErrorException.class);
            assertThat(single(execute("select 1")).longValue()).isEqualTo(1L);
        }

        @Test
        void aFaultCanTargetOneOperation() {
            LocalDataApi api = requireLocal();
            api.faults().failNext(1, DataApiFault.DATABASE_UNAVAILABLE, "CommitTransaction", false);
            String transactionId = beginTransaction();
            executeIn(transactionId, "select 1");
            assertThatThrownBy(() -> commit(transactionId)).isInstanceOf(DatabaseUnavailableException.class);
            assertThat(commit(transactionId)).isEqualTo("Transaction Committed"); // the failed commit did nothing
        }

        @Test
        void aLostResponseHidesAWriteThatHappened() {
            LocalDataApi api = requireLocal();
            String table = table("id int");
            api.faults().failNext(1, DataApiFault.SERVICE_UNAVAILABLE, "ExecuteStatement", true);
            assertThatThrownBy(() -> execute("insert into " + table + " values (1)"))
                    .isInstanceOf(ServiceUnavailableErrorException.class);
            assertThat(count(table)).isEqualTo(1L);
        }
    }
}
