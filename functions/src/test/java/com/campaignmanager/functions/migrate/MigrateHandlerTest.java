package com.campaignmanager.functions.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalDataApiExtension.class)
class MigrateHandlerTest {
    private static String database;

    @BeforeAll
    static void environment() {
        database = FunctionEnvironment.install();
    }

    private static String invoke() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MigrateHandler().handleRequest(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void migratesThenIsANoOp() throws Exception {
        String first = invoke();
        String second = invoke();

        assertThat(first).startsWith("{\"applied\":[\"V001__audit_events.sql\"");
        assertThat(second).startsWith("{\"applied\":[],\"alreadyApplied\":");
        assertThat(tableExists("audit_events")).isTrue();
    }

    private static boolean tableExists(String table) throws SQLException {
        var dataApi = LocalDataApiExtension.dataApi();
        try (Connection connection = DriverManager.getConnection(dataApi.jdbcUrl(database), dataApi.user(),
                dataApi.password());
             var statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
