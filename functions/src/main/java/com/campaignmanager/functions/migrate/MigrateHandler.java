package com.campaignmanager.functions.migrate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.db.migration.MigrationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MigrateFunction: applies the pending schema migrations, after every deploy and when the local runner starts.
 * Any input is accepted; the output is the run's report. A failure (an edited migration, a failing statement)
 * fails the invocation with the reason, and nothing of the failing migration is applied.
 */
public final class MigrateHandler implements RequestStreamHandler {
    private static final MigrateComponent COMPONENT = MigrateComponent.create();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        MigrationReport report = COMPONENT.migrationRunner().migrate();
        if (context != null) {
            context.getLogger().log("schema at version " + report.schemaVersion() + ", applied " + report.applied());
        }
        output.write(toJson(report).getBytes(StandardCharsets.UTF_8));
    }

    static String toJson(MigrationReport report) {
        StringBuilder applied = new StringBuilder("[");
        for (String fileName : report.applied()) {
            if (applied.length() > 1) {
                applied.append(',');
            }
            // File names are V<digits>__<word characters>.sql: nothing to escape.
            applied.append('"').append(fileName).append('"');
        }
        applied.append(']');
        return "{\"applied\":" + applied + ",\"alreadyApplied\":" + report.alreadyApplied()
                + ",\"schemaVersion\":" + report.schemaVersion() + "}";
    }
}
