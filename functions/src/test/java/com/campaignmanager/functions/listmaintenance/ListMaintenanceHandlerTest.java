package com.campaignmanager.functions.listmaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDataApiExtension.class)
class ListMaintenanceHandlerTest {
    private static String database;

    @BeforeAll
    static void schema() {
        FunctionEnvironment.migrate();
        database = FunctionEnvironment.install();
    }

    private static Connection connect() throws Exception {
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        return DriverManager.getConnection(dataApi.jdbcUrl(database), dataApi.user(), dataApi.password());
    }

    private static JsonNode run() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ListMaintenanceHandler().handleRequest(new ByteArrayInputStream(
                Files.readAllBytes(Path.of("..", "events", "list-maintenance", "scheduled.json"))), out, null);
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mergesContactsThatDifferOnlyByCaseOrWhitespaceKeepingTheirLists() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID listA;
        UUID listB;
        UUID older;
        try (Connection db = connect()) {
            // Data from outside this API (a migration from the old system): the API itself never lets these in.
            listA = insertList(db, "maintenance A " + tag);
            listB = insertList(db, "maintenance B " + tag);
            older = insertContact(db, "dup-" + tag + "@example.com", "a", "2020-01-01");
            UUID newer = insertContact(db, " DUP-" + tag + "@example.com ", "b", "2021-01-01");
            addMember(db, listA, older);
            addMember(db, listB, newer);
        }

        com.campaignmanager.shared.db.Database database = com.campaignmanager.functions.testing.FunctionDatabase.get();
        String oldKey = "retention-" + UUID.randomUUID();
        database.update("INSERT INTO notifications (dedup_key, type, title, created_at) VALUES "
                + "(:old, 'lists.cleaned', 'Old', now() - interval '200 days'), (:recent, 'lists.cleaned', 'Recent', now())",
                com.campaignmanager.shared.db.Params.of("old", oldKey).put("recent", oldKey + "-recent"));
        JsonNode first = run();
        JsonNode second = run();
        assertThat(first.get("notificationsPurged").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(database.query("SELECT dedup_key FROM notifications WHERE dedup_key LIKE :key || '%'",
                com.campaignmanager.shared.db.Params.of("key", oldKey), r -> r.string("dedup_key")))
                .containsExactly(oldKey + "-recent");

        assertThat(first.get("contactsMerged").asLong()).isEqualTo(1);
        assertThat(first.get("membershipsMoved").asLong()).isEqualTo(1);
        assertThat(second.get("contactsMerged").asLong()).isZero();
        try (Connection db = connect(); var statement = db.prepareStatement(
                "SELECT count(*), count(*) FILTER (WHERE contact_id = ?) FROM list_members WHERE list_id IN (?, ?)")) {
            statement.setObject(1, older);
            statement.setObject(2, listA);
            statement.setObject(3, listB);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getInt(2)).isEqualTo(2);
            }
        }
    }

    private static UUID insertList(Connection db, String name) throws Exception {
        var statement = db.prepareStatement("INSERT INTO lists (name) VALUES (?) RETURNING id");
        statement.setString(1, name);
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return (UUID) rs.getObject(1);
        }
    }

    private static UUID insertContact(Connection db, String email, String hashDigit, String createdAt) throws Exception {
        var statement = db.prepareStatement("INSERT INTO contacts (email, email_key, email_hash, created_at) "
                + "VALUES (?, lower(?), repeat(?, 64), ?::timestamptz) RETURNING id");
        statement.setString(1, email);
        statement.setString(2, email);
        statement.setString(3, hashDigit);
        statement.setString(4, createdAt);
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return (UUID) rs.getObject(1);
        }
    }

    private static void addMember(Connection db, UUID list, UUID contact) throws Exception {
        var statement = db.prepareStatement("INSERT INTO list_members (list_id, contact_id, source) VALUES (?, ?, 'test')");
        statement.setObject(1, list);
        statement.setObject(2, contact);
        statement.executeUpdate();
    }
}
