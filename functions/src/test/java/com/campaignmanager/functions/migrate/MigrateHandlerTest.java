package com.campaignmanager.functions.migrate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.SampleEvents;
import com.github.tomakehurst.wiremock.WireMockServer;

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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// The first test sees an empty database; the custom-resource test then finds it migrated.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(LocalDataApiExtension.class)
class MigrateHandlerTest {
    private static String database;

    @BeforeAll
    static void environment() {
        database = FunctionEnvironment.install();
    }

    private static String invoke() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MigrateHandler().handleRequest(SampleEvents.open("events/migrate/migrate.json"), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void migratesThenIsANoOp() throws Exception {
        String first = invoke();
        String second = invoke();

        // Other test classes may have migrated this JVM's database already: then the first run applies nothing.
        assertThat(first).matches("\\{\"applied\":\\[(\"V001__audit_events.sql\".*)?],.*");
        assertThat(second).startsWith("{\"applied\":[],\"alreadyApplied\":");
        assertThat(tableExists("audit_events")).isTrue();
    }

    @Test
    @Order(2)
    void answersCloudFormationOnEveryDeploy() throws Exception {
        WireMockServer cloudFormation = new WireMockServer(
                wireMockConfig().dynamicPort());
        cloudFormation.start();
        try {
            cloudFormation.stubFor(put(
                    urlPathEqualTo("/response"))
                    .willReturn(ok()));
            String event = "{\"RequestType\":\"Update\",\"ResponseURL\":\"" + cloudFormation.baseUrl()
                    + "/response?X-Amz-Signature=abc\",\"StackId\":\"arn:aws:cloudformation:eu-west-1:1:stack/cm/1\","
                    + "\"RequestId\":\"r-1\",\"LogicalResourceId\":\"SchemaMigration\","
                    + "\"PhysicalResourceId\":\"campaign-manager-schema\",\"ResourceProperties\":{}}";
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            new MigrateHandler().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);

            cloudFormation.verify(putRequestedFor(
                    urlPathEqualTo("/response"))
                    .withRequestBody(matchingJsonPath("$.Status",
                            equalTo("SUCCESS")))
                    .withRequestBody(matchingJsonPath("$.RequestId",
                            equalTo("r-1")))
                    .withRequestBody(matchingJsonPath(
                            "$.Data.SchemaVersion")));
        } finally {
            cloudFormation.stop();
        }
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
