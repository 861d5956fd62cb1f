package com.campaignmanager.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.local.dataapi.DataApiFault;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.testing.TestDatabases;
import com.campaignmanager.shared.testing.TestDatabases.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDataApiExtension.class)
class DatabaseTest {
    private static TestDatabase test;
    private static Database db;

    @BeforeAll
    static void createSchema() {
        test = TestDatabases.create("database_test");
        db = test.database();
        db.update("""
                CREATE TABLE things (
                    id          uuid PRIMARY KEY,
                    name        text NOT NULL UNIQUE,
                    quantity    integer CHECK (quantity >= 0),
                    big         bigint,
                    ratio       double precision,
                    active      boolean,
                    price       numeric(12,4),
                    happened_at timestamptz,
                    due_on      date,
                    payload     jsonb,
                    raw         bytea
                )""", Params.of());
        db.update("CREATE TABLE parts (id bigserial PRIMARY KEY, thing_id uuid NOT NULL REFERENCES things (id), "
                + "label text NOT NULL)", Params.of());
    }

    @BeforeEach
    void clean() {
        db.update("TRUNCATE parts, things", Params.of());
    }

    @AfterEach
    void noFaultsLeft() {
        test.dataApi().faults().clear();
        test.dataApi().limits().reset();
    }

    private static long countThings() {
        return db.querySingle("SELECT count(*) AS n FROM things", Params.of(), r -> r.longValue("n"));
    }

    private static UUID insertThing(SqlExecutor sql, String name) {
        UUID id = UUID.randomUUID();
        sql.update("INSERT INTO things (id, name, quantity) VALUES (:id, :name, 1)",
                Params.of("id", id).put("name", name));
        return id;
    }

    record Thing(UUID id, String name, Integer quantity, Long big, Double ratio, Boolean active, BigDecimal price,
                 Instant happenedAt, LocalDate dueOn, String payload, byte[] raw) {
        static Thing map(Row r) {
            return new Thing(r.uuid("id"), r.string("name"), r.intValue("quantity"), r.longValue("big"),
                    r.doubleValue("ratio"), r.bool("active"), r.decimal("price"), r.instant("happened_at"),
                    r.localDate("due_on"), r.json("payload"), r.bytes("raw"));
        }
    }

    @Test
    void everyParameterTypeRoundTripsWithoutCasts() {
        UUID id = UUID.randomUUID();
        Instant happened = Instant.parse("2026-10-01T07:00:00.123456Z");
        db.update("""
                INSERT INTO things (id, name, quantity, big, ratio, active, price, happened_at, due_on, payload, raw)
                VALUES (:id, :name, :quantity, :big, :ratio, :active, :price, :happened, :due, :payload, :raw)""",
                Params.of("id", id)
                        .put("name", "O'Brien \"quoted\" ünïcode")
                        .put("quantity", 7)
                        .put("big", 9_007_199_254_740_993L)
                        .put("ratio", 0.125)
                        .put("active", true)
                        .put("price", new BigDecimal("12345678.9000"))
                        .put("happened", happened)
                        .put("due", LocalDate.of(2026, 2, 28))
                        .putJson("payload", "{\"a\": [1, 2], \"b\": null}")
                        .put("raw", new byte[] {0, 1, (byte) 0xff}));

        Thing thing = db.querySingle("SELECT * FROM things WHERE id = :id", Params.of("id", id), Thing::map);

        assertThat(thing.id()).isEqualTo(id);
        assertThat(thing.name()).isEqualTo("O'Brien \"quoted\" ünïcode");
        assertThat(thing.quantity()).isEqualTo(7);
        assertThat(thing.big()).isEqualTo(9_007_199_254_740_993L);
        assertThat(thing.ratio()).isEqualTo(0.125);
        assertThat(thing.active()).isTrue();
        assertThat(thing.price()).isEqualByComparingTo("12345678.9");
        assertThat(thing.price().toPlainString()).isEqualTo("12345678.9000");
        assertThat(thing.happenedAt()).isEqualTo(happened);
        assertThat(thing.dueOn()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(thing.payload()).isEqualTo("{\"a\": [1, 2], \"b\": null}");
        assertThat(thing.raw()).containsExactly(0, 1, 0xff);
    }

    @Test
    void nullsBindAndReadAsNull() {
        UUID id = UUID.randomUUID();
        db.update("""
                INSERT INTO things (id, name, quantity, big, ratio, active, price, happened_at, due_on, payload, raw)
                VALUES (:id, 'n', :quantity, :big, :ratio, :active, :price, :happened, :due, :payload, :raw)""",
                Params.of("id", id).put("quantity", (Integer) null).put("big", (Long) null)
                        .put("ratio", (Double) null).put("active", (Boolean) null).put("price", (BigDecimal) null)
                        .put("happened", (Instant) null).put("due", (LocalDate) null).putJson("payload", null)
                        .put("raw", (byte[]) null));

        Thing thing = db.querySingle("SELECT * FROM things WHERE id = :id", Params.of("id", id), Thing::map);

        assertThat(thing).isEqualTo(new Thing(id, "n", null, null, null, null, null, null, null, null, null));
    }

    @Test
    void offsetDateTimesAreStoredAsTheSameInstant() {
        UUID id = UUID.randomUUID();
        OffsetDateTime paris = OffsetDateTime.of(2026, 10, 1, 9, 0, 0, 0, ZoneOffset.ofHours(2));
        db.update("INSERT INTO things (id, name, happened_at) VALUES (:id, 'tz', :at)",
                Params.of("id", id).put("at", paris));

        OffsetDateTime read = db.querySingle("SELECT happened_at FROM things WHERE id = :id", Params.of("id", id),
                r -> r.offsetDateTime("happened_at"));
        boolean matches = db.querySingle(
                "SELECT happened_at = '2026-10-01 07:00:00+00'::timestamptz AS same FROM things WHERE id = :id",
                Params.of("id", id), r -> r.bool("same"));

        assertThat(read.toInstant()).isEqualTo(paris.toInstant());
        assertThat(matches).isTrue();
    }

    @Test
    void listsTravelAsOneJsonParameter() {
        UUID a = insertThing(db, "a");
        insertThing(db, "b");
        UUID c = insertThing(db, "c");

        List<String> names = db.query("""
                SELECT name FROM things
                WHERE id IN (SELECT value::uuid FROM json_array_elements_text(:ids))
                ORDER BY name""", Params.of().putList("ids", List.of(a, c)), r -> r.string("name"));

        assertThat(names).containsExactly("a", "c");
    }

    @Test
    void queryOptionalAndSingle() {
        UUID id = insertThing(db, "only");

        assertThat(db.queryOptional("SELECT name FROM things WHERE id = :id", Params.of("id", UUID.randomUUID()),
                r -> r.string("name"))).isEmpty();
        String name = db.querySingle("SELECT name FROM things WHERE id = :id", Params.of("id", id),
                r -> r.string("name"));
        assertThat(name).isEqualTo("only");
        assertThatThrownBy(() -> db.querySingle("SELECT name FROM things WHERE name = 'none'", Params.of(),
                r -> r.string("name"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void returningGivesGeneratedValues() {
        UUID thing = insertThing(db, "with parts");

        long partId = db.querySingle("INSERT INTO parts (thing_id, label) VALUES (:thing, 'x') RETURNING id",
                Params.of("thing", thing), r -> r.longValue("id"));

        assertThat(partId).isPositive();
        assertThat(db.update("UPDATE parts SET label = 'y' WHERE thing_id = :thing", Params.of("thing", thing)))
                .isEqualTo(1);
    }

    @Test
    void uniqueViolationIsAConflictNamingTheConstraint() {
        insertThing(db, "dup");

        assertThatThrownBy(() -> insertThing(db, "dup"))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.constraint()).isEqualTo("things_name_key"));
    }

    @Test
    void refusedValuesAreBadRequests() {
        assertThatThrownBy(() -> db.update("INSERT INTO things (id, name, quantity) VALUES (:id, 'neg', -1)",
                Params.of("id", UUID.randomUUID())))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23514");
                    assertThat(e.constraint()).isEqualTo("things_quantity_check");
                });
        assertThatThrownBy(() -> db.update("INSERT INTO parts (thing_id, label) VALUES (:thing, 'orphan')",
                Params.of("thing", UUID.randomUUID())))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.sqlState()).isEqualTo("23503"));
        assertThatThrownBy(() -> db.update("SELECT nosuchcolumn FROM things", Params.of()))
                .isExactlyInstanceOf(DataAccessException.class)
                .hasMessageContaining("42703");
    }

    @Test
    void transactionCommitsWhenWorkReturns() {
        UUID id = db.inTransaction(tx -> {
            UUID thing = insertThing(tx, "committed");
            tx.update("INSERT INTO parts (thing_id, label) VALUES (:thing, 'p')", Params.of("thing", thing));
            return thing;
        });

        assertThat(countThings()).isEqualTo(1);
        long parts = db.querySingle("SELECT count(*) AS n FROM parts WHERE thing_id = :id", Params.of("id", id),
                r -> r.longValue("n"));
        assertThat(parts).isEqualTo(1);
        assertThat(test.dataApi().activeTransactions()).isZero();
    }

    @Test
    void transactionRollsBackOnAnyFailureAndLeaksNothing() {
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            insertThing(tx, "rolled back");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThatThrownBy(() -> db.inTransaction(tx -> {
            insertThing(tx, "first");
            insertThing(tx, "first");
            return null;
        })).isInstanceOf(ConflictException.class);

        assertThat(countThings()).isZero();
        assertThat(test.dataApi().activeTransactions()).isZero();
    }

    @Test
    void transactionCannotBeUsedAfterItEnded() {
        List<Transaction> escaped = new ArrayList<>();
        db.inTransaction(tx -> escaped.add(tx));

        assertThatThrownBy(() -> insertThing(escaped.get(0), "late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void batchInsertsEverySetAndSplitsLargeBatchesAtomically() {
        List<Params> sets = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            sets.add(Params.of("id", UUID.randomUUID()).put("name", "bulk-" + i));
        }
        long callsBefore = db.calls();

        int inserted = db.batch("INSERT INTO things (id, name) VALUES (:id, :name)", sets);
        long calls = db.calls() - callsBefore;

        assertThat(inserted).isEqualTo(2500);
        // begin + 3 chunks of at most 1,000 + commit
        assertThat(calls).isEqualTo(5);
        assertThat(countThings()).isEqualTo(2500);

        List<Params> clashing = List.of(Params.of("id", UUID.randomUUID()).put("name", "fresh"),
                Params.of("id", UUID.randomUUID()).put("name", "bulk-1"));
        assertThatThrownBy(() -> db.batch("INSERT INTO things (id, name) VALUES (:id, :name)", clashing))
                .isInstanceOf(ConflictException.class);
        assertThat(db.queryOptional("SELECT id FROM things WHERE name = 'fresh'", Params.of(), r -> r.uuid("id")))
                .isEmpty();
    }

    @Test
    void keysetPagesWalkEveryRowOnce() {
        for (int i = 0; i < 23; i++) {
            insertThing(db, String.format("item-%02d", i));
        }
        String sql = "SELECT name FROM things WHERE name > :after ORDER BY name LIMIT :limit";
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            Page<String> page = db.queryPage(sql, Params.of("after", cursor), 10, r -> r.string("name"), n -> n);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void pageShrinksInsteadOfFailingWhenRowsAreTooWideForOneResponse() {
        String wide = "x".repeat(20_000);
        for (int i = 0; i < 10; i++) {
            db.update("INSERT INTO things (id, name, payload) VALUES (:id, :name, :payload)",
                    Params.of("id", UUID.randomUUID()).put("name", "wide-" + i)
                            .putJson("payload", "{\"text\":\"" + wide + "\"}"));
        }
        test.dataApi().limits().setResponseSizeLimitBytes(100_000);

        Page<String> page = db.queryPage("SELECT name, payload FROM things WHERE name > :after ORDER BY name "
                + "LIMIT :limit", Params.of("after", ""), 10, r -> r.string("name"), n -> n);

        assertThat(page.items()).isNotEmpty().hasSizeLessThan(10);
        assertThat(page.nextCursor()).isEqualTo(page.items().get(page.items().size() - 1));
    }

    @Test
    void retriesACallTheServiceRefusedBeforeRunningIt() {
        test.dataApi().faults().failNext(2, DataApiFault.DATABASE_RESUMING);
        long before = db.calls();

        insertThing(db, "after resume");
        long calls = db.calls() - before;

        assertThat(calls).isEqualTo(3);
        assertThat(countThings()).isEqualTo(1);
    }

    @Test
    void retriesThrottledCalls() {
        test.dataApi().faults().failNext(1, DataApiFault.THROTTLING);

        insertThing(db, "after throttling");

        assertThat(countThings()).isEqualTo(1);
    }

    @Test
    void neverRepeatsAWriteWhoseOutcomeIsUnknown() {
        test.dataApi().faults().failNext(1, DataApiFault.SERVICE_UNAVAILABLE, "ExecuteStatement", true);

        assertThatThrownBy(() -> insertThing(db, "maybe"))
                .isInstanceOfSatisfying(RetryableException.class,
                        e -> assertThat(e.reason()).isEqualTo(RetryableException.Reason.OUTCOME_UNKNOWN));
        // It did run once, and only once.
        assertThat(countThings()).isEqualTo(1);
    }

    @Test
    void repeatsReadsAndIdempotentWritesWhoseOutcomeIsUnknown() {
        UUID id = insertThing(db, "idempotent");
        test.dataApi().faults().failNext(1, DataApiFault.DATABASE_UNAVAILABLE, "ExecuteStatement", true);
        db.updateIdempotent("UPDATE things SET quantity = 5 WHERE id = :id", Params.of("id", id));

        test.dataApi().faults().failNext(1, DataApiFault.SERVICE_UNAVAILABLE, "ExecuteStatement", false);
        int quantity = db.querySingle("SELECT quantity FROM things WHERE id = :id", Params.of("id", id),
                r -> r.intValue("quantity"));

        assertThat(quantity).isEqualTo(5);
    }

    @Test
    void reRunsAWholeTransactionWhenAStatementOutcomeIsUnknown() {
        int[] runs = {0};
        test.dataApi().faults().failNext(1, DataApiFault.SERVICE_UNAVAILABLE, "ExecuteStatement", true);

        db.inTransaction(tx -> {
            runs[0]++;
            insertThing(tx, "once");
            return null;
        });

        assertThat(runs[0]).isEqualTo(2);
        assertThat(countThings()).isEqualTo(1);
        assertThat(test.dataApi().activeTransactions()).isZero();
    }

    @Test
    void reportsAnUnknownCommitInsteadOfRunningTheTransactionAgain() {
        int[] runs = {0};
        test.dataApi().faults().failNext(1, DataApiFault.SERVICE_UNAVAILABLE, "CommitTransaction", true);

        assertThatThrownBy(() -> db.inTransaction(tx -> {
            runs[0]++;
            insertThing(tx, "committed once");
            return null;
        })).isInstanceOfSatisfying(RetryableException.class,
                e -> assertThat(e.reason()).isEqualTo(RetryableException.Reason.OUTCOME_UNKNOWN));

        assertThat(runs[0]).isEqualTo(1);
        assertThat(countThings()).isEqualTo(1);
        assertThat(test.dataApi().activeTransactions()).isZero();
    }

    @Test
    void givesUpAfterTheRetryBudget() {
        test.dataApi().faults().failNext(50, DataApiFault.DATABASE_RESUMING);

        assertThatThrownBy(() -> insertThing(db, "never"))
                .isInstanceOfSatisfying(RetryableException.class,
                        e -> assertThat(e.reason()).isEqualTo(RetryableException.Reason.NOT_EXECUTED));
        test.dataApi().faults().clear();
        assertThat(countThings()).isZero();
    }

    @Test
    void statementTimeoutIsItsOwnError() {
        test.dataApi().limits().setStatementTimeout(java.time.Duration.ofMillis(300));

        assertThatThrownBy(() -> db.query("SELECT pg_sleep(2) AS slept", Params.of(), r -> r.string("slept")))
                .isInstanceOf(StatementTimeoutException.class);
    }
}
