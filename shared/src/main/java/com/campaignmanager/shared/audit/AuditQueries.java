package com.campaignmanager.shared.audit;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.PageRequest;
import java.time.Instant;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Reading the audit trail: who did what to which object, newest first; not to whom, for viewers. */
@Singleton
public final class AuditQueries {
    /** What to look for; each null means "any". */
    public record Filter(String entityType, String entityId, String actor, Instant from, Instant to) {
    }

    private final Database database;
    private final AuditTrail audit;

    @Inject
    public AuditQueries(Database database, AuditTrail audit) {
        this.database = database;
        this.audit = audit;
    }

    public Page<AuditTrail.AuditEvent> page(Acting acting, Filter filter, PageRequest page) {
        acting.caller().requireReader();
        return audit.page(database, filter.entityType(), filter.entityId(), filter.actor(), filter.from(),
                filter.to(), page.after(2), page.limit(), acting.caller().maySeePersonalData());
    }
}
