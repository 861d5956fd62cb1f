package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Contacts and list memberships. Adding many contacts costs two statements per chunk of up to 5,000. */
@Singleton
public final class ContactRepository {
    private static final SqlStatements SQL = SqlStatements.load(ContactRepository.class, "contacts.sql");
    private static final String UPSERT_CONTACTS = SQL.statement("upsert-contacts");
    private static final String ADD_MEMBERS = SQL.statement("add-members");
    private static final String FIND_CONTACT = SQL.statement("find-contact");
    private static final String PAGE_CONTACTS = SQL.statement("page-contacts");
    private static final String PAGE_LIST_CONTACTS = SQL.statement("page-list-contacts");
    private static final String LOCK_CONTACT = SQL.statement("lock-contact");
    private static final String UPDATE_CONTACT = SQL.statement("update-contact");
    private static final String REMOVE_MEMBER = SQL.statement("remove-member");
    private static final String FIND_MEMBERSHIPS = SQL.statement("find-memberships");
    private static final String FIND_CONTACT_DELIVERIES = SQL.statement("find-contact-deliveries");
    private static final String FIND_PROVIDER_EVENTS = SQL.statement("find-provider-events");
    private static final String COUNT_EXISTING_CONTACTS = SQL.statement("count-existing-contacts");
    private static final String BULK_ADD_TO_LIST = SQL.statement("bulk-add-to-list");
    private static final String BULK_REMOVE_FROM_LIST = SQL.statement("bulk-remove-from-list");
    private static final String BULK_SUPPRESS = SQL.statement("bulk-suppress");
    /** Rows per upsert statement; far inside the 4 MiB request and 45 s statement limits. */
    static final int CHUNK_ROWS = 5_000;
    static final int CHUNK_JSON_CHARS = 2 * 1024 * 1024;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final ObjectMapper json;
    private final AuditTrail audit;

    @Inject
    public ContactRepository(ObjectMapper json, AuditTrail audit) {
        this.json = json;
        this.audit = audit;
    }

    /**
     * Adds the contacts to the list, creating or updating them (by address). Each chunk is one transaction: a
     * failure leaves earlier chunks in place, and running the same input again completes it without changing them.
     * {@code contacts} must not repeat an address.
     */
    public UpsertSummary addToList(Database db, UUID listId, List<ContactInput> contacts, String source) {
        List<ContactInput> sorted = new ArrayList<>(contacts);
        sorted.sort(Comparator.comparing(c -> c.email().key()));
        UpsertSummary total = UpsertSummary.NONE;
        int start = 0;
        while (start < sorted.size()) {
            ArrayNode rows = json.createArrayNode();
            List<String> keys = new ArrayList<>();
            int chars = 0;
            int end = start;
            while (end < sorted.size() && end - start < CHUNK_ROWS && chars < CHUNK_JSON_CHARS) {
                ObjectNode row = rowOf(sorted.get(end));
                chars += row.toString().length();
                rows.add(row);
                keys.add(sorted.get(end).email().key());
                end++;
            }
            String rowsJson = rows.toString();
            String keysJson = json.valueToTree(keys).toString();
            int count = end - start;
            total = total.plus(db.inTransaction(tx -> {
                long[] changed = tx.querySingle(UPSERT_CONTACTS,
                        Params.of("listId", listId).putJson("rows", rowsJson),
                        r -> new long[] {r.longValue("updated_members"), r.longValue("suppressed")});
                long added = tx.update(ADD_MEMBERS,
                        Params.of("listId", listId).put("source", source).putJson("emailKeys", keysJson));
                return new UpsertSummary(added, changed[0], count - added - changed[0], changed[1]);
            }));
            start = end;
        }
        return total;
    }

    public Optional<Contact> find(SqlExecutor sql, UUID contactId) {
        return sql.queryOptional(FIND_CONTACT, Params.of("contactId", contactId), this::map);
    }

    public Page<Contact> page(SqlExecutor sql, String q, List<String> after, int limit) {
        return sql.queryPage(PAGE_CONTACTS, Search.byCreatedAt(Params.of(), q, after), limit,
                this::map, c -> Search.cursor(c.createdAt(), c.id()));
    }

    public Page<Contact> pageInList(SqlExecutor sql, UUID listId, String q, List<String> after, int limit) {
        return sql.queryPage(PAGE_LIST_CONTACTS, Search.byCreatedAt(Params.of("listId", listId), q, after),
                limit, this::map, c -> Search.cursor(c.createdAt(), c.id()));
    }

    /**
     * What an edit changes: each name when its {@code set…} is true (null clears it); {@code attributes}, when
     * given, merged into the contact's (a key with a null value is removed, keys not named are kept).
     */
    public record ContactChange(boolean setFirstName, String firstName, boolean setLastName, String lastName,
                                Map<String, Object> attributes) {
    }

    /**
     * Edits the contact and audits {@code contact.updated} with what it was and what it is, in one transaction.
     * The snapshots hold names and attributes, not the address (the entity id names the contact). Empty when
     * there is no such contact.
     */
    public Optional<Contact> update(Database db, UUID contactId, ContactChange change, String actor,
                                    String requestId) {
        String attributesJson = change.attributes() == null ? null : json.valueToTree(change.attributes()).toString();
        return db.inTransaction(tx -> {
            Optional<Contact> before = tx.queryOptional(LOCK_CONTACT, Params.of("contactId", contactId),
                    this::map);
            if (before.isEmpty()) {
                return Optional.<Contact>empty();
            }
            tx.update(UPDATE_CONTACT, Params.of("contactId", contactId)
                    .put("setFirstName", change.setFirstName()).put("firstName", change.firstName())
                    .put("setLastName", change.setLastName()).put("lastName", change.lastName())
                    .putJson("attributes", attributesJson));
            Contact after = find(tx, contactId).orElseThrow();
            Map<String, Object> was = snapshot(before.get());
            Map<String, Object> is = snapshot(after);
            if (!was.equals(is)) {
                audit.record(tx, actor, "contact.updated", "contact", contactId.toString(),
                        AuditTrail.change(requestId, was, is));
            }
            return Optional.of(after);
        });
    }

    private static Map<String, Object> snapshot(Contact contact) {
        Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("firstName", contact.firstName());
        snapshot.put("lastName", contact.lastName());
        snapshot.put("attributes", contact.attributes());
        return snapshot;
    }

    public boolean removeFromList(SqlExecutor sql, UUID listId, UUID contactId) {
        return sql.update(REMOVE_MEMBER, Params.of("listId", listId).put("contactId", contactId)) == 1;
    }

    public record Membership(UUID listId, String listName, Instant addedAt, String source) {
    }

    public List<Membership> memberships(SqlExecutor sql, UUID contactId) {
        return sql.query(FIND_MEMBERSHIPS, Params.of("contactId", contactId),
                r -> new Membership(r.uuid("list_id"), r.string("list_name"), r.instant("added_at"), r.string("source")));
    }

    /** A message sent to the person, with the opens and clicks the provider reported for it. */
    public record DeliverySummary(UUID deliveryId, UUID roundId, String roundName, String status, boolean test,
                                  Instant sentAt, long opens, long clicks) {
    }

    public List<DeliverySummary> deliveries(SqlExecutor sql, UUID contactId) {
        return sql.query(FIND_CONTACT_DELIVERIES, Params.of("contactId", contactId),
                r -> new DeliverySummary(r.uuid("id"), r.uuid("round_id"), r.string("round_name"), r.string("status"),
                        Boolean.TRUE.equals(r.bool("test")), r.instant("sent_at"), r.longValue("opens"),
                        r.longValue("clicks")));
    }

    /** What the email provider reported about the address, newest first (the last 100). */
    public record ProviderEventSummary(String type, Instant occurredAt, String messageId, String customId,
                                       String result) {
    }

    public List<ProviderEventSummary> providerEvents(SqlExecutor sql, UUID contactId) {
        return sql.query(FIND_PROVIDER_EVENTS, Params.of("contactId", contactId),
                r -> new ProviderEventSummary(r.string("event_type"), r.instant("occurred_at"), r.string("message_id"),
                        r.string("custom_id"), r.string("result")));
    }

    /** What a bulk action did: how many of the ids exist, and how many rows it changed. */
    public record BulkResult(String action, int requested, long found, long affected) {
    }

    /**
     * Adds, removes or suppresses ({@code manual}, audited) up to 1,000 contacts in one transaction; erasing is
     * {@link Erasure}'s.
     */
    public BulkResult bulk(Database db, String action, UUID listId, List<UUID> contactIds, String actor) {
        String ids = json.valueToTree(contactIds.stream().map(UUID::toString).toList()).toString();
        return db.inTransaction(tx -> {
            long found = tx.querySingle(COUNT_EXISTING_CONTACTS, Params.of().putJson("contactIds", ids),
                    r -> r.longValue("existing"));
            long affected = switch (action) {
                case "add_to_list" -> tx.update(BULK_ADD_TO_LIST, Params.of("listId", listId)
                        .put("source", "bulk:" + actor).putJson("contactIds", ids));
                case "remove_from_list" -> tx.update(BULK_REMOVE_FROM_LIST, Params.of("listId", listId)
                        .putJson("contactIds", ids));
                case "suppress" -> tx.update(BULK_SUPPRESS, Params.of("source", "user:" + actor)
                        .put("actor", actor).putJson("contactIds", ids));
                default -> throw new IllegalArgumentException("unknown bulk action " + action);
            };
            return new BulkResult(action, contactIds.size(), found, affected);
        });
    }

    private ObjectNode rowOf(ContactInput contact) {
        ObjectNode row = json.createObjectNode();
        row.put("email", contact.email().value());
        row.put("email_hash", contact.email().hash());
        row.put("first_name", contact.firstName());
        row.put("last_name", contact.lastName());
        row.set("attributes", json.valueToTree(contact.attributes()));
        return row;
    }

    private Contact map(Row row) {
        Map<String, Object> attributes;
        try {
            attributes = json.readValue(row.json("attributes"), OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contact attributes are not a JSON object", e);
        }
        String reason = row.string("suppression_reason");
        return new Contact(row.uuid("id"), row.string("email"), row.string("first_name"), row.string("last_name"),
                attributes, reason != null,
                reason == null ? null : new Contact.SuppressionStatus(reason, row.instant("suppressed_at")),
                row.instant("created_at"), row.instant("updated_at"));
    }
}
