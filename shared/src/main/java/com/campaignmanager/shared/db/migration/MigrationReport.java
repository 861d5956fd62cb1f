package com.campaignmanager.shared.db.migration;

import java.util.List;

/**
 * What a run did.
 *
 * @param applied the files applied by this run, in order
 * @param alreadyApplied how many files were applied before (by earlier or concurrent runs)
 * @param schemaVersion the highest applied version after the run
 */
public record MigrationReport(List<String> applied, int alreadyApplied, int schemaVersion) {
    public MigrationReport {
        applied = List.copyOf(applied);
    }
}
