package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.http.ApiProblem;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Unsubscribing through a message's link: the address the message went to is suppressed as {@code unsubscribed},
 * once, audited. The address is found from the link's token even when no contact has it any more (merged away,
 * erased, or a test recipient who never was one): through the delivery ledger, which keeps each message's hash.
 */
@Singleton
public final class Unsubscriptions {
    private static final SqlStatements SQL = SqlStatements.load(Unsubscriptions.class, "unsubscriptions.sql");
    private static final String FIND_LINK_ADDRESS = SQL.statement("find-link-address");
    static final String ACTOR = "unsubscribe-link";

    /** The address a link was sent to: {@code email} null once erased; {@code contactId} of whoever has it now. */
    public record LinkAddress(String email, String emailHash, UUID contactId) {
    }

    /**
     * What the link did: {@code suppressed} when the address is on the suppression list now (what the page may
     * then promise), {@code changed} when this call put it there; {@code email} for the page, when still known.
     */
    public record Outcome(String email, boolean suppressed, boolean changed) {
    }

    private final Database database;
    private final SuppressionRepository suppressions;
    private final AuditTrail audit;
    private final UnsubscribeTokens tokens;

    @Inject
    public Unsubscriptions(Database database, SuppressionRepository suppressions, AuditTrail audit,
                           UnsubscribeTokens tokens) {
        this.database = database;
        this.suppressions = suppressions;
        this.audit = audit;
        this.tokens = tokens;
    }

    /**
     * The address a link's token names, if any record of it is left. A missing, forged or malformed token is a
     * 400 naming {@code token}, and nothing is looked up.
     */
    public Optional<LinkAddress> addressOf(String token) {
        return find(database, recipient(token));
    }

    /** Unsubscribes the address a link's token names; a bad token is a 400 and changes nothing. */
    public Outcome unsubscribe(String token) {
        UnsubscribeTokens.Recipient recipient = recipient(token);
        return database.inTransaction(tx -> {
            Optional<LinkAddress> address = find(tx, recipient);
            if (address.isEmpty()) {
                return new Outcome(null, false, false);
            }
            LinkAddress found = address.get();
            // Already suppressed (for any reason, erased included) or suppressed now: either way it is on the list.
            boolean changed = suppressions.suppressHash(tx, found.emailHash(), found.email(),
                    SuppressionReason.UNSUBSCRIBED, ACTOR, recipient.roundId(), ACTOR);
            if (changed && found.contactId() != null) {
                Map<String, Object> detail = new HashMap<>();
                detail.put("roundId", recipient.roundId());
                audit.record(tx, "contact:" + found.contactId(), "contact.unsubscribed", "contact",
                        found.contactId().toString(), detail);
            }
            return new Outcome(found.email(), true, changed);
        });
    }

    private UnsubscribeTokens.Recipient recipient(String token) {
        return Optional.ofNullable(token).flatMap(tokens::verify)
                .orElseThrow(() -> ApiProblem.invalid("token", "is not a valid unsubscribe link"));
    }

    private static Optional<LinkAddress> find(SqlExecutor sql, UnsubscribeTokens.Recipient recipient) {
        return sql.queryOptional(FIND_LINK_ADDRESS, Params.of("recipientId", recipient.contactId())
                .put("roundId", recipient.roundId()), Unsubscriptions::map);
    }

    private static LinkAddress map(Row r) {
        return new LinkAddress(r.string("email"), r.string("email_hash"), r.uuid("contact_id"));
    }
}
