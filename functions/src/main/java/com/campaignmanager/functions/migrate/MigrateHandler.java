package com.campaignmanager.functions.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.db.migration.MigrationReport;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.jobs.JobRunner;
import com.campaignmanager.shared.priming.ParallelStart;
import com.campaignmanager.shared.priming.Priming;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    // First, so that the second thread runs while the rest of this initialiser builds the component.
    static {
        ParallelStart.begin();
    }

    private static final MigrateComponent COMPONENT = MigrateComponent.create();
    // Built when the class initialises, so that a missing or malformed setting stops the function at start.
    private static final ObjectMapper JSON = COMPONENT.json();
    private static final SchemaMigrationResource CUSTOM_RESOURCES = COMPONENT.customResources();
    private static final JobRunner RUNNER = COMPONENT.jobRunner();
    // Held here because CRaC keeps resources weakly; primes in init, and again before a SnapStart snapshot.
    private static final Priming PRIMING = MigrateComponent.priming(RUNNER).primeAndRegister();
    private static final MigrationRunner MIGRATIONS = COMPONENT.migrationRunner();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        JsonNode request = event.length == 0 ? null : JSON.readTree(event);
        if (CustomResourceRequest.isOne(request)) {
            CUSTOM_RESOURCES.handle(CustomResourceRequest.from(request), context, output);
            return;
        }
        RUNNER.run(new ByteArrayInputStream(event), output, context, this::migrate);
    }

    private MigrationReport migrate() {
        return MIGRATIONS.migrate();
    }
}
