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

    private record Person(String id, String emailKey, String emailHash) {
    }

    @Inject
    public Erasure() {
    }

    /** Erases those of the contacts that exist (up to 1,000 at a time); returns how many that was. */
    public long erase(Database db, Collection<UUID> contactIds, String actor) {
        Params wanted = Params.of().putList("contactIds", contactIds.stream().map(UUID::toString).toList());
        return db.inTransaction(tx -> {
            List<Person> people = tx.query(SQL.get("lock-contacts"), wanted,
                    r -> new Person(r.uuid("id").toString(), r.string("email_key"), r.string("email_hash")));
            if (people.isEmpty()) {
                return 0L;
            }
            List<String> ids = people.stream().map(Person::id).toList();
            List<String> keys = people.stream().map(Person::emailKey).toList();
            List<String> hashes = people.stream().map(Person::emailHash).toList();
            tx.update(SQL.get("suppress-erased"), Params.of("actor", actor).put("source", "user:" + actor)
                    .putList("emailHashes", hashes));
            tx.update(SQL.get("forget-provider-events"), Params.of().putList("emailHashes", hashes));
            tx.update(SQL.get("forget-outbox-messages"), Params.of().putList("emailHashes", hashes)
                    .putList("emailKeys", keys));
            tx.update(SQL.get("forget-deliveries"), Params.of().putList("emailHashes", hashes));
            tx.update(SQL.get("forget-contact-audit"), Params.of().putList("contactIds", ids));
            tx.update(SQL.get("forget-addresses-in-audit"), Params.of().putList("emailKeys", keys));
            tx.update(SQL.get("forget-addresses-in-notifications"), Params.of().putList("emailKeys", keys));
            tx.update(SQL.get("forget-addresses-in-tasks"), Params.of().putList("emailKeys", keys));
            tx.update(SQL.get("audit-erasures"), Params.of("actor", actor).putList("contactIds", ids));
            tx.update(SQL.get("delete-contacts"), Params.of().putList("contactIds", ids));
            return (long) people.size();
        });
    }
}
