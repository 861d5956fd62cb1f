package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.config.RetentionSettings;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import java.time.Duration;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Weekly upkeep of the audience data, in a fixed number of statements whatever its size: merges contacts that
 * differ only by case or whitespace, reports list sizes (always exact: counted, not stored), and applies the
 * retention rule for erased people ({@code ERASED_DATA_RETENTION_DAYS}, default 30).
 */
@Singleton
public final class ListMaintenance {
    private static final SqlStatements SQL = SqlStatements.load(ListMaintenance.class, "maintenance.sql");
    private static final String MERGE_DUPLICATE_CONTACTS = SQL.statement("merge-duplicate-contacts");
    private static final String DROP_ERASED_AUDIT_DETAIL = SQL.statement("drop-erased-audit-detail");
    private static final String COUNT_LISTS_AND_MEMBERS = SQL.statement("count-lists-and-members");

    public record Report(long contactsMerged, long membershipsMoved, long lists, long memberships,
                         long erasedRecordsCleared) {
    }

    private final Database database;
    private final Duration retention;

    @Inject
    public ListMaintenance(Database database, RetentionSettings retention) {
        this.database = database;
        this.retention = retention.erasedData();
    }

    public Report run() {
        long[] merged = database.inTransaction(tx -> tx.querySingle(MERGE_DUPLICATE_CONTACTS, Params.of(),
                r -> new long[] {r.longValue("merged"), r.longValue("memberships_moved")}));
        long cleared = database.updateIdempotent(DROP_ERASED_AUDIT_DETAIL,
                Params.of().put("cutoff", Instant.now().minus(retention)));
        long[] counts = database.querySingle(COUNT_LISTS_AND_MEMBERS, Params.of(),
                r -> new long[] {r.longValue("lists"), r.longValue("memberships")});
        return new Report(merged[0], merged[1], counts[0], counts[1], cleared);
    }
}
