package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Provider events (the Mailjet webhook's), stored once by their idempotency key and applied once. Storing and
 * applying are separate steps so that a receipt survives a failure in applying: events stored but not applied
 * are applied when the provider resends them, or by the nightly job.
 */
@Singleton
public final class ProviderEventRepository {
    private static final SqlStatements SQL = SqlStatements.load(ProviderEventRepository.class, "provider_events.sql");
    private static final String INSERT_EVENTS = SQL.statement("insert-events");
    private static final String APPLY_EVENTS = SQL.statement("apply-events");
    private static final String SUPPRESS_OVER_SOFT_BOUNCE_LIMIT = SQL.statement("suppress-over-soft-bounce-limit");
    /** Events per statement: keeps each Data API request far below its 4 MiB limit. */
    static final int CHUNK_EVENTS = 500;
    static final int CHUNK_JSON_CHARS = 1_000_000;

    /** An event applied by this call: what it asked for, so the caller can count it and run the soft-bounce rule. */
    public record Applied(String idempotencyKey, String emailHash, String suppressionReason, boolean softBounce) {
        /** True when the event changed, or may change, who is mailed. */
        public boolean hasEffect() {
            return emailHash != null && (suppressionReason != null || softBounce);
        }
    }

    private final ObjectMapper json;

    @Inject
    public ProviderEventRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Stores the events not stored before (same provider and key); returns the keys stored by this call. Run it in
     * one transaction: chunks of a large batch then commit together.
     */
    public Set<String> store(SqlExecutor sql, List<ProviderEvent> events) {
        Set<String> stored = new HashSet<>();
        for (List<ProviderEvent> chunk : chunks(events)) {
            ArrayNode rows = json.createArrayNode();
            chunk.forEach(event -> rows.add(rowOf(event)));
            stored.addAll(sql.query(INSERT_EVENTS, Params.of().putJson("events", rows.toString()),
                    r -> r.string("idempotency_key")));
        }
        return stored;
    }

    /** Applies those of the named events that are not applied yet: their suppressions, in the caller's transaction. */
    public List<Applied> apply(SqlExecutor sql, String provider, Collection<String> keys) {
        List<Applied> applied = new ArrayList<>();
        List<String> all = List.copyOf(keys);
        for (int start = 0; start < all.size(); start += CHUNK_EVENTS) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + CHUNK_EVENTS));
            applied.addAll(sql.query(APPLY_EVENTS, Params.of("provider", provider)
                    .putJson("keys", json.valueToTree(chunk).toString()).put("staleBefore", (Instant) null),
                    ProviderEventRepository::applied));
        }
        return applied;
    }

    /** Applies every event received before {@code receivedBefore} and still not applied (a request that failed midway). */
    public List<Applied> applyStale(SqlExecutor sql, Instant receivedBefore) {
        return sql.query(APPLY_EVENTS, Params.of("provider", (String) null).putJson("keys", null)
                .put("staleBefore", receivedBefore), ProviderEventRepository::applied);
    }

    /**
     * Suppresses as {@code soft_bounce_limit} each address with at least {@code limit} soft bounces since
     * {@code since} that is not suppressed yet; {@code emailHashes} narrows the check, null checks every address.
     * The bounces that counted are spent, so a lifted suppression needs new bounces to return. Returns how many
     * addresses were suppressed.
     */
    public long suppressOverSoftBounceLimit(SqlExecutor sql, Collection<String> emailHashes, Instant since, int limit) {
        String hashes = emailHashes == null ? null : json.valueToTree(List.copyOf(emailHashes)).toString();
        return sql.querySingle(SUPPRESS_OVER_SOFT_BOUNCE_LIMIT, Params.of().putJson("emailHashes", hashes)
                .put("since", since).put("bounceLimit", limit), r -> r.longValue("suppressed"));
    }

    private ObjectNode rowOf(ProviderEvent event) {
        ObjectNode row = json.createObjectNode();
        row.put("provider", event.provider());
        row.put("idempotency_key", event.idempotencyKey());
        row.put("event_type", event.eventType());
        row.put("email", event.email() == null ? null : event.email().value());
        row.put("email_hash", event.email() == null ? null : event.email().hash());
        row.put("message_id", event.messageId());
        row.put("custom_id", event.customId());
        row.put("occurred_at", event.occurredAt().toString());
        // As text: the SQL casts it to jsonb, so it is not parsed again here.
        row.put("payload", event.payloadJson());
        row.put("suppression_reason", event.suppression() == null ? null : event.suppression().wireName());
        row.put("soft_bounce", event.softBounce());
        return row;
    }

    private static Applied applied(Row r) {
        return new Applied(r.string("idempotency_key"), r.string("email_hash"), r.string("suppression_reason"),
                Boolean.TRUE.equals(r.bool("soft_bounce")));
    }

    private static List<List<ProviderEvent>> chunks(List<ProviderEvent> events) {
        List<List<ProviderEvent>> chunks = new ArrayList<>();
        List<ProviderEvent> current = new ArrayList<>();
        int chars = 0;
        for (ProviderEvent event : events) {
            int size = event.payloadJson().length() + 400;
            if (!current.isEmpty() && (current.size() >= CHUNK_EVENTS || chars + size > CHUNK_JSON_CHARS)) {
                chunks.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(event);
            chars += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
