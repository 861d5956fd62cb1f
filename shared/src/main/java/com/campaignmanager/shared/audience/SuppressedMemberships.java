package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * List memberships of suppressed contacts. Suppression already keeps them from being mailed; removing them keeps
 * list counts honest. The contact and its history stay, and each removal is written to the audit trail.
 */
@Singleton
public final class SuppressedMemberships {
    private static final SqlStatements SQL = SqlStatements.load(SuppressedMemberships.class,
            "suppressed_memberships.sql");
    private static final String REMOVE_SUPPRESSED_MEMBERS = SQL.statement("remove-suppressed-members");

    @Inject
    public SuppressedMemberships() {
    }

    /** Removes every suppressed contact from every list, in one statement; returns the memberships removed. */
    public long removeAll(SqlExecutor sql, String actor) {
        return sql.querySingle(REMOVE_SUPPRESSED_MEMBERS, Params.of("actor", actor),
                r -> r.longValue("removed"));
    }
}
