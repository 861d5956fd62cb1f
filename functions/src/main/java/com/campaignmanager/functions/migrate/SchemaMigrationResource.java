package com.campaignmanager.functions.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.campaignmanager.shared.db.migration.MigrationReport;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code SchemaMigration} custom resource: migrates on Create and Update (every deploy changes its version
 * property), does nothing on Delete (the data stays). It always answers CloudFormation, also when the migration
 * fails, so a broken migration fails the deployment at once instead of hanging it for an hour.
 */
final class SchemaMigrationResource {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrationResource.class);
    static final String PHYSICAL_ID = "campaign-manager-schema";

    private final MigrationRunner migrationRunner;
    private final ObjectMapper json;

    @Inject
    SchemaMigrationResource(MigrationRunner migrationRunner, ObjectMapper json) {
        this.migrationRunner = migrationRunner;
        this.json = json;
    }

    void handle(CustomResourceRequest request, Context context, OutputStream output) throws IOException {
        ObjectNode response = json.createObjectNode()
                .put("PhysicalResourceId", PHYSICAL_ID)
                .put("StackId", request.stackId())
                .put("RequestId", request.requestId())
                .put("LogicalResourceId", request.logicalResourceId());
        try {
            if (!request.requestType().equals("Delete")) {
                MigrationReport report = migrationRunner.migrate();
                LOG.info("schema at version {}, applied {}", report.schemaVersion(), report.applied());
                response.putObject("Data").put("SchemaVersion", report.schemaVersion());
            }
            response.put("Status", "SUCCESS");
        } catch (RuntimeException e) {
            LOG.error("schema migration failed", e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            response.put("Status", "FAILED")
                    .put("Reason", reason.length() > 3000 ? reason.substring(0, 3000) : reason);
        }
        byte[] body = json.writeValueAsBytes(response);
        send(request.responseUrl(), body);
        output.write(body);
    }

    /** A PUT to the pre-signed S3 URL CloudFormation waits on; it must carry no content type. */
    private static void send(String responseUrl, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(responseUrl).openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        connection.setRequestProperty("Content-Type", "");
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        if (status >= 300) {
            throw new IOException("CloudFormation response upload answered HTTP " + status);
        }
    }
}
