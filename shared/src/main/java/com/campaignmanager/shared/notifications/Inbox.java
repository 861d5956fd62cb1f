package com.campaignmanager.shared.notifications;

import com.campaignmanager.shared.db.CreatedAtKeyset;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A member's in-app notifications, newest first, and the log of outbound deliveries. */
@Singleton
public final class Inbox {
    private static final SqlStatements SQL = SqlStatements.load(Inbox.class, "inbox.sql");
    private static final String PAGE_INBOX = SQL.statement("page-inbox");
    private static final String MARK_READ = SQL.statement("mark-read");
    private static final String MARK_ALL_READ = SQL.statement("mark-all-read");
    private static final String PAGE_DELIVERIES = SQL.statement("page-deliveries");
    private static final String ENABLE_CHANNEL = SQL.statement("enable-channel");
    public record Item(UUID id, String type, String severity, String title, String body, String entityType,
                       String entityId, JsonNode detail, Instant createdAt, Instant readAt) {
    }

    public record Delivery(UUID id, UUID notificationId, String type, String title, String channel, String recipient,
                           String status, int attempts, String lastError, Instant nextAttemptAt, Instant sentAt,
                           Instant createdAt) {
    }

    private final ObjectMapper json;

    @Inject
    public Inbox(ObjectMapper json) {
        this.json = json;
    }

    public Page<Item> page(SqlExecutor sql, UUID memberId, boolean unreadOnly, List<String> after, int limit) {
        Params params = CreatedAtKeyset.bind(Params.of("memberId", memberId).put("unreadOnly", unreadOnly), after);
        return sql.queryPage(PAGE_INBOX, params, limit, r -> {
            try {
                return new Item(r.uuid("id"), r.string("type"), r.string("severity"), r.string("title"),
                        r.string("body"), r.string("entity_type"), r.string("entity_id"),
                        json.readTree(r.json("detail")), r.instant("created_at"), r.instant("read_at"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("notification detail is not JSON", e);
            }
        }, item -> CreatedAtKeyset.cursor(item.createdAt(), item.id()));
    }

    /** Empty when the member has no such notification. */
    public Optional<Instant> markRead(SqlExecutor sql, UUID memberId, UUID notificationId) {
        return sql.queryOptional(MARK_READ,
                Params.of("memberId", memberId).put("notificationId", notificationId), r -> r.instant("read_at"));
    }

    public long markAllRead(SqlExecutor sql, UUID memberId) {
        return sql.updateIdempotent(MARK_ALL_READ, Params.of("memberId", memberId));
    }

    public Page<Delivery> deliveries(SqlExecutor sql, String status, List<String> after, int limit) {
        Params params = CreatedAtKeyset.bind(Params.of("status", status), after);
        return sql.queryPage(PAGE_DELIVERIES, params, limit,
                r -> new Delivery(r.uuid("id"), r.uuid("notification_id"), r.string("type"), r.string("title"),
                        r.string("channel"), r.string("recipient"), r.string("status"), r.intValue("attempts"),
                        r.string("last_error"), r.instant("next_attempt_at"), r.instant("sent_at"),
                        r.instant("created_at")),
                d -> CreatedAtKeyset.cursor(d.createdAt(), d.id()));
    }

    public long enableChannel(SqlExecutor sql, String channel) {
        return sql.updateIdempotent(ENABLE_CHANNEL, Params.of("channel", channel));
    }
}
