package com.campaignmanager.functions.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.db.migration.MigrationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * MigrateFunction: applies the pending schema migrations. Invoked by CloudFormation on every deploy (the
 * {@code SchemaMigration} custom resource in template.yaml), by hand ({@code aws lambda invoke}), and by the
 * local runner at start. A failure (an edited migration, a failing statement) fails the invocation, or the
 * deployment, with the reason, and nothing of the failing migration is applied.
 */
public final class MigrateHandler implements RequestStreamHandler {
    private static final MigrateComponent COMPONENT = MigrateComponent.create();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        JsonNode request = event.length == 0 ? null : COMPONENT.json().readTree(event);
        if (CustomResourceRequest.isOne(request)) {
            COMPONENT.customResources().handle(CustomResourceRequest.from(request), context, output);
            return;
        }
        COMPONENT.jobRunner().run(new ByteArrayInputStream(event), output, context, this::migrate);
    }

    private MigrationReport migrate() {
        return COMPONENT.migrationRunner().migrate();
    }
}
