package com.campaignmanager.shared.audience.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.testing.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compiled conditions run for real, on contacts in embedded PostgreSQL through the local Data API: each operator
 * matches what it should and nothing else, keys and values that look like SQL stay data, and a date attribute that
 * is no date does not match (and does not fail the statement).
 */
@ExtendWith(LocalDataApiExtension.class)
class ConditionSqlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Database database;
    private static final String TAG = "c" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void setUp() {
        database = TestDatabases.create("conditions").database();
        new MigrationRunner(database, Migrations.fromClasspath()).migrate();
        contact("ann", "Ann", "Lee", "2025-03-01T10:00:00Z",
                "{\"plan\": \"pro\", \"seats\": 5, \"renews\": \"2025-10-01\", \"tags\": \"vip, early\", \"x'y\": \"q\"}");
        contact("bob", "Bob", "Stone", "2025-10-15T10:00:00Z",
                "{\"plan\": \"free\", \"renews\": \"not a date\", \"?\": \"mark\"}");
        contact("cat", null, "Lee", "2025-06-01T00:00:00Z",
                "{\"plan\": \"PRO\", \"renews\": \"2025-02-30\", \"seats\": \"5\"}");
        contact("dan", "Dan", null, "2024-01-01T00:00:00Z", "{\"renews\": \"2026-01-01T09:00:00+02:00\"}");
    }

    private static void contact(String name, String first, String last, String createdAt, String attributes) {
        String email = name + "." + TAG + "@Example.com";
        String hash = String.format("%064x", new java.math.BigInteger(1, (TAG + name).getBytes()));
        hash = hash.substring(hash.length() - 64);
        database.update("INSERT INTO contacts (email, email_key, email_hash, first_name, last_name, attributes, "
                        + "created_at) VALUES (:email, lower(:email), :hash, :first, :last, :attributes::jsonb, "
                        + ":createdAt::timestamptz)",
                Params.of("email", email).put("hash", hash).put("first", first).put("last", last)
                        .putJson("attributes", attributes).put("createdAt", createdAt));
    }

    /** The names of this test's contacts that match {@code conditions}. */
    private static List<String> matching(String conditions) throws Exception {
        ConditionSql.Fragment fragment = ConditionSql.compile(Conditions.parse("conditions", JSON.readTree(conditions)));
        return database.query("SELECT split_part(c.email, '.', 1) AS name FROM contacts c WHERE c.email LIKE :tag AND "
                        + fragment.sql() + " ORDER BY 1",
                fragment.bindTo(Params.of("tag", "%." + TAG + "@%")), r -> r.string("name"));
    }

    private static String one(String field, String op, String value) {
        return "{\"all\": [{\"field\": \"" + field + "\", \"op\": \"" + op + "\"" + (value == null ? "" : ", \"value\": "
                + value) + "}]}";
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', value = {
        "attributes.plan | equals | \"pro\" | ann",
        "attributes.seats | equals | 5 | ann",
        "attributes.seats | equals | \"5\" | cat",
        "attributes.plan | notEquals | \"pro\" | bob,cat,dan",
        "attributes.plan | in | [\"free\", \"PRO\"] | bob,cat",
        "attributes.plan | notIn | [\"free\", \"PRO\"] | ann,dan",
        "attributes.tags | contains | \"VIP\" | ann",
        "attributes.plan | exists | true | ann,bob,cat",
        "attributes.plan | exists | false | dan",
        "attributes.renews | before | \"2025-12-31\" | ann",
        "attributes.renews | after | \"2025-12-31T23:00:00Z\" | dan",
        "createdAt | before | \"2025-06-01\" | ann,dan",
        "createdAt | after | \"2025-06-01T00:00:00Z\" | bob",
        "email | equals | \"BOB.%s@example.com\" | bob",
        "email | contains | \"ann.\" | ann",
        "firstName | in | [\"ann\", \"dan\"] | ann,dan",
        "firstName | notEquals | \"Ann\" | bob,cat,dan",
        "lastName | equals | \"lee\" | ann,cat",
        "firstName | exists | false | cat",
        "lastName | exists | true | ann,bob,cat",
    })
    void eachOperatorMatchesWhatItShould(String field, String op, String value, String expected) throws Exception {
        assertThat(matching(one(field, op, value.formatted(TAG)))).containsExactly(expected.split(","));
    }

    @Test
    void groupsCombineAllAndAny() throws Exception {
        assertThat(matching("{\"all\": [{\"field\": \"lastName\", \"op\": \"equals\", \"value\": \"Lee\"},"
                + " {\"any\": [{\"field\": \"attributes.plan\", \"op\": \"equals\", \"value\": \"pro\"},"
                + " {\"field\": \"createdAt\", \"op\": \"after\", \"value\": \"2025-05-01\"}]}]}"))
                .containsExactly("ann", "cat");
        assertThat(matching("{\"any\": [{\"field\": \"attributes.plan\", \"op\": \"equals\", \"value\": \"free\"},"
                + " {\"field\": \"firstName\", \"op\": \"equals\", \"value\": \"Dan\"}]}")).containsExactly("bob", "dan");
    }

    @Test
    void keysAndValuesThatLookLikeSqlStayData() throws Exception {
        String injection = "\"x' OR 1=1 --\"";
        assertThat(matching(one("attributes.plan", "equals", injection))).isEmpty();
        assertThat(matching(one("attributes.plan') OR TRUE OR ('", "exists", null))).isEmpty();
        assertThat(matching(one("attributes.x'y", "equals", "\"q\""))).containsExactly("ann");
        assertThat(matching(one("attributes.?", "exists", null))).containsExactly("bob");
        assertThat(matching(one("email", "contains", "\"%\""))).isEmpty();
        assertThat(matching(one("firstName", "in", "[\"') OR TRUE; DROP TABLE contacts; --\", \":seg1\"]"))).isEmpty();
        assertThat(matching(one("lastName", "contains", "\"?\""))).isEmpty();
        ConditionSql.Fragment fragment = ConditionSql.compile(Conditions.parse("conditions",
                JSON.readTree(one("attributes.DROP TABLE", "equals", injection))));
        assertThat(fragment.sql()).doesNotContain("DROP", "OR 1=1", "'x");
    }

    @Test
    void malformedDatesDoNotMatchAndDoNotFail() throws Exception {
        // bob's "not a date" and cat's 2025-02-30 are no dates: neither before nor after anything.
        assertThat(matching(one("attributes.renews", "before", "\"2100-01-01\""))).containsExactly("ann", "dan");
        assertThat(matching(one("attributes.renews", "after", "\"1900-01-01\""))).containsExactly("ann", "dan");
        assertThat(matching(one("attributes.plan", "before", "\"2100-01-01\""))).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"all\": [{\"field\": \"email\", \"op\": \"like\", \"value\": \"a\"}]} | conditions.all[0].op",
        "{\"all\": [{\"field\": \"email\", \"op\": \"equals\"}, {\"field\": \"phone\", \"op\": \"exists\"}]} | conditions.all[0].value",
        "{\"all\": [{\"field\": \"email\", \"op\": \"exists\"}, {\"field\": \"phone\", \"op\": \"exists\"}]} | conditions.all[1].field",
        "{\"any\": [{\"field\": \"attributes.\", \"op\": \"exists\"}]} | conditions.any[0].field",
        "{\"all\": [{\"field\": \"email\", \"op\": \"in\", \"value\": []}]} | conditions.all[0].value",
        "{\"all\": [{\"field\": \"attributes.a\", \"op\": \"in\", \"value\": [1, {\"x\": 1}]}]} | conditions.all[0].value[1]",
        "{\"all\": [{\"field\": \"email\", \"op\": \"equals\", \"value\": 5}]} | conditions.all[0].value",
        "{\"all\": [{\"field\": \"createdAt\", \"op\": \"before\", \"value\": \"yesterday\"}]} | conditions.all[0].value",
        "{\"all\": [{\"field\": \"createdAt\", \"op\": \"equals\", \"value\": \"2025-01-01\"}]} | conditions.all[0].op",
        "{\"all\": [{\"field\": \"firstName\", \"op\": \"after\", \"value\": \"2025-01-01\"}]} | conditions.all[0].op",
        "{\"all\": [{\"field\": \"attributes.a\", \"op\": \"contains\", \"value\": 1}]} | conditions.all[0].value",
        "{\"all\": [{\"field\": \"attributes.a\", \"op\": \"exists\", \"value\": \"yes\"}]} | conditions.all[0].value",
        "{\"all\": [{\"field\": \"email\", \"op\": \"exists\", \"extra\": 1}]} | conditions.all[0].extra",
        "{\"all\": []} | conditions.all",
        "{\"all\": [], \"any\": []} | conditions",
        "{\"none\": [{\"field\": \"email\", \"op\": \"exists\"}]} | conditions",
        "{\"all\": [{\"any\": [{\"all\": [{\"any\": [{\"field\": \"email\", \"op\": \"exists\"}]}]}]}]} | conditions.all[0].any[0].all[0]",
        "[1] | conditions",
    })
    void invalidConditionsNameTheCondition(String conditions, String field) throws Exception {
        JsonNode node = JSON.readTree(conditions);
        assertThatThrownBy(() -> Conditions.parse("conditions", node))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void atMostTwentyConditions() throws Exception {
        StringBuilder many = new StringBuilder("{\"all\": [");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ", ").append("{\"field\": \"email\", \"op\": \"exists\"}");
        }
        JsonNode node = JSON.readTree(many.append("]}").toString());
        assertThatThrownBy(() -> Conditions.parse("conditions", node))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("conditions.all[20]"));
    }
}
