package com.campaignmanager.shared.email;

import com.campaignmanager.shared.db.Cursor;
import com.campaignmanager.shared.db.InvalidCursorException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The outbox table: messages stored instead of sent, once per custom id, and read back for the deliveries view. */
public final class OutboxRepository {
    static final SqlStatements SQL = SqlStatements.load(OutboxRepository.class, "outbox.sql");
    private static final String STORE_MESSAGES = SQL.statement("store-messages");
    private static final String FIND_MESSAGE = SQL.statement("find-message");
    private static final String PAGE_MESSAGES = SQL.statement("page-messages");
    /** JSON per statement: keeps each Data API request well below its 4 MiB limit, whatever the bodies weigh. */
    static final int CHUNK_JSON_CHARS = 1_500_000;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    /** The row of one incoming message: {@code id} null when a concurrent call is storing it right now. */
    public record Stored(String customId, UUID id, boolean newlyStored) {
    }

    private final ObjectMapper json;

    public OutboxRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Stores the messages whose custom id is new and answers every custom id with its row. One statement per batch
     * unless the bodies are so large that the request would not fit one Data API call.
     */
    public List<Stored> store(SqlExecutor sql, List<OutgoingMessage> messages) {
        List<Stored> stored = new ArrayList<>(messages.size());
        for (ArrayNode rows : chunks(messages)) {
            stored.addAll(sql.query(STORE_MESSAGES, Params.of().putJson("messages", rows.toString()),
                    r -> new Stored(r.string("custom_id"), r.uuid("id"), Boolean.TRUE.equals(r.bool("stored")))));
        }
        return stored;
    }

    public Optional<OutboxMessage> find(SqlExecutor sql, String customId) {
        return sql.queryOptional(FIND_MESSAGE, Params.of("customId", customId), r -> map(r, true));
    }

    /** Newest first, optionally for one campaign tag (round); {@code cursor} is a page's {@code nextCursor}. */
    public Page<OutboxMessage> page(SqlExecutor sql, String campaignTag, String cursor, int limit) {
        Params params = Params.of("campaignTag", campaignTag);
        if (cursor == null) {
            params.put("beforeStoredAt", (Instant) null).put("beforeId", (UUID) null);
        } else {
            List<String> position = Cursor.decode(cursor, 2);
            try {
                params.put("beforeStoredAt", Cursor.instant(position.get(0)))
                        .put("beforeId", UUID.fromString(position.get(1)));
            } catch (RuntimeException e) {
                throw new InvalidCursorException();
            }
        }
        return sql.queryPage(PAGE_MESSAGES, params, limit, r -> map(r, false),
                m -> Cursor.encode(m.storedAt().toString(), m.id().toString()));
    }

    private List<ArrayNode> chunks(List<OutgoingMessage> messages) {
        List<ArrayNode> chunks = new ArrayList<>();
        ArrayNode current = json.createArrayNode();
        int chars = 0;
        for (OutgoingMessage message : messages) {
            ObjectNode row = rowOf(message);
            int size = row.toString().length();
            if (!current.isEmpty() && chars + size > CHUNK_JSON_CHARS) {
                chunks.add(current);
                current = json.createArrayNode();
                chars = 0;
            }
            current.add(row);
            chars += size;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private ObjectNode rowOf(OutgoingMessage m) {
        ObjectNode row = json.createObjectNode();
        row.put("custom_id", m.customId());
        row.put("campaign_tag", m.campaignTag());
        row.put("from_email", m.from().email());
        row.put("from_name", m.from().name());
        row.put("reply_to", m.from().replyTo());
        row.put("to_email", m.to().email());
        row.put("to_name", m.to().name());
        row.put("subject", text(m.content().subject()));
        row.put("html_body", text(m.content().html()));
        row.put("text_body", text(m.content().text()));
        ObjectNode headers = row.putObject("headers");
        m.headers().forEach(headers::put);
        row.put("test", m.test());
        return row;
    }

    /** PostgreSQL text cannot hold NUL: one stray NUL must not fail the whole batch. */
    private static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }

    private OutboxMessage map(Row r, boolean withBodies) {
        return new OutboxMessage(r.uuid("id"), r.string("custom_id"), r.string("campaign_tag"), r.string("from_email"),
                r.string("from_name"), r.string("reply_to"), r.string("to_email"), r.string("to_name"),
                r.string("subject"), withBodies ? r.string("html_body") : null,
                withBodies ? r.string("text_body") : null, headers(r.json("headers")),
                Boolean.TRUE.equals(r.bool("test")), r.instant("stored_at"));
    }

    private Map<String, String> headers(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox headers are not a JSON object of strings", e);
        }
    }
}
