package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Unsubscribing through a message's link: the address is suppressed as {@code unsubscribed}, once, audited. */
@Singleton
public final class Unsubscriptions {
    private static final SqlStatements SQL = SqlStatements.load(ContactRepository.class, "contacts.sql");

    /** The address (for the confirmation page) and whether this call unsubscribed it. */
    public record Outcome(String email, boolean changed) {
    }

    private final Database database;
    private final SuppressionRepository suppressions;
    private final AuditTrail audit;

    @Inject
    public Unsubscriptions(Database database, SuppressionRepository suppressions, AuditTrail audit) {
        this.database = database;
        this.suppressions = suppressions;
        this.audit = audit;
    }

    /** The address a token names, if the contact still exists (an erased one is suppressed already). */
    public Optional<String> addressOf(UnsubscribeTokens.Recipient recipient) {
        return database.queryOptional(SQL.get("find-contact-address"), Params.of("contactId", recipient.contactId()),
                r -> r.string("email"));
    }

    public Outcome unsubscribe(UnsubscribeTokens.Recipient recipient) {
        return database.inTransaction(tx -> {
            Optional<String[]> address = tx.queryOptional(SQL.get("find-contact-address"),
                    Params.of("contactId", recipient.contactId()),
                    r -> new String[] {r.string("email"), r.string("email_hash")});
            if (address.isEmpty()) {
                return new Outcome(null, false);
            }
            boolean changed = suppressions.suppressHash(tx, address.get()[1], address.get()[0],
                    SuppressionReason.UNSUBSCRIBED, "unsubscribe-link", recipient.roundId());
            if (changed) {
                Map<String, Object> detail = new HashMap<>();
                detail.put("roundId", recipient.roundId());
                audit.record(tx, "contact:" + recipient.contactId(), "contact.unsubscribed", "contact",
                        recipient.contactId().toString(), detail);
            }
            return new Outcome(address.get()[0], changed);
        });
    }
}
