package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Erasure, the right to be forgotten: the person goes from every place an address, a name or a message rendered
 * for them can be, in one transaction. The contact and its memberships are deleted; the outbox keeps that a
 * message went out, not to whom or what it said; the ledger and the provider events keep their facts and the
 * address's hash, not the address; audit snapshots of the contact lose their names and attributes; audit entries,
 * notifications and tasks that quote the address have it replaced. The hash stays as an {@code erased}
 * suppression, so the address is never mailed again, and provider events that arrive later for it are stored
 * without it ({@code insert-events}). Each erasure is audited as {@code contact.erased}.
 */
@Singleton
public final class Erasure {
    private static final SqlStatements SQL = SqlStatements.load(Erasure.class, "erasure.sql");
    private static final String LOCK_CONTACTS = SQL.statement("lock-contacts");
    private static final String SUPPRESS_ERASED = SQL.statement("suppress-erased");
    private static final String FORGET_PROVIDER_EVENTS = SQL.statement("forget-provider-events");
    private static final String FORGET_OUTBOX_MESSAGES = SQL.statement("forget-outbox-messages");
    private static final String FORGET_DELIVERIES = SQL.statement("forget-deliveries");
    private static final String FORGET_CONTACT_AUDIT = SQL.statement("forget-contact-audit");
    private static final String FORGET_ADDRESSES_IN_AUDIT = SQL.statement("forget-addresses-in-audit");
    private static final String FORGET_ADDRESSES_IN_NOTIFICATIONS = SQL.statement("forget-addresses-in-notifications");
    private static final String FORGET_ADDRESSES_IN_TASKS = SQL.statement("forget-addresses-in-tasks");
    private static final String AUDIT_ERASURES = SQL.statement("audit-erasures");
    private static final String DELETE_CONTACTS = SQL.statement("delete-contacts");

    private record Person(String id, String emailKey, String emailHash) {
    }

    @Inject
    public Erasure() {
    }

    /** Erases those of the contacts that exist (up to 1,000 at a time); returns how many that was. */
    public long erase(Database db, Collection<UUID> contactIds, String actor) {
        Params wanted = Params.of().putList("contactIds", contactIds.stream().map(UUID::toString).toList());
        return db.inTransaction(tx -> {
            List<Person> people = tx.query(LOCK_CONTACTS, wanted,
                    r -> new Person(r.uuid("id").toString(), r.string("email_key"), r.string("email_hash")));
            if (people.isEmpty()) {
                return 0L;
            }
            List<String> ids = people.stream().map(Person::id).toList();
            List<String> keys = people.stream().map(Person::emailKey).toList();
            List<String> hashes = people.stream().map(Person::emailHash).toList();
            tx.update(SUPPRESS_ERASED, Params.of("actor", actor).put("source", "user:" + actor)
                    .putList("emailHashes", hashes));
            tx.update(FORGET_PROVIDER_EVENTS, Params.of().putList("emailHashes", hashes));
            tx.update(FORGET_OUTBOX_MESSAGES, Params.of().putList("emailHashes", hashes)
                    .putList("emailKeys", keys));
            tx.update(FORGET_DELIVERIES, Params.of().putList("emailHashes", hashes));
            tx.update(FORGET_CONTACT_AUDIT, Params.of().putList("contactIds", ids));
            tx.update(FORGET_ADDRESSES_IN_AUDIT, Params.of().putList("emailKeys", keys));
            tx.update(FORGET_ADDRESSES_IN_NOTIFICATIONS, Params.of().putList("emailKeys", keys));
            tx.update(FORGET_ADDRESSES_IN_TASKS, Params.of().putList("emailKeys", keys));
            tx.update(AUDIT_ERASURES, Params.of("actor", actor).putList("contactIds", ids));
            tx.update(DELETE_CONTACTS, Params.of().putList("contactIds", ids));
            return (long) people.size();
        });
    }
}
