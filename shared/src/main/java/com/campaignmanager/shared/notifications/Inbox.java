package com.campaignmanager.shared.notifications;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.CreatedAtKeyset;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.db.StoredText;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * A member's own in-app notifications, newest first (read, mark read); the log of outbound deliveries, for every
 * member; switching a disabled channel back on, for admins (audited).
 */
@Singleton
public final class Inbox {
    private static final SqlStatements SQL = SqlStatements.load(Inbox.class, "inbox.sql");
    private static final String PAGE_INBOX = SQL.statement("page-inbox");
    private static final String MARK_READ = SQL.statement("mark-read");
    private static final String MARK_ALL_READ = SQL.statement("mark-all-read");
    private static final String PAGE_DELIVERIES = SQL.statement("page-deliveries");
    private static final String ENABLE_CHANNEL = SQL.statement("enable-channel");
    private static final List<String> CHANNELS = List.of("slack", "email");

    public record Item(UUID id, String type, String severity, String title, String body, String entityType,
                       String entityId, JsonNode detail, Instant createdAt, Instant readAt) {
    }

    public record Delivery(UUID id, UUID notificationId, String type, String title, String channel, String recipient,
                           OutboundStatus status, int attempts, String lastError, Instant nextAttemptAt, Instant sentAt,
                           Instant createdAt) {
    }

    /** A notification marked read, and when it first was. */
    public record Read(UUID id, Instant readAt) {
    }

    public record ReadAll(long marked) {
    }

    public record ChannelState(String channel, boolean enabled) {
    }

    private final Database database;
    private final ObjectMapper json;
    private final AuditTrail audit;

    @Inject
    public Inbox(Database database, ObjectMapper json, AuditTrail audit) {
        this.database = database;
        this.json = json;
        this.audit = audit;
    }

    public Page<Item> page(Acting acting, boolean unreadOnly, PageRequest page) {
        UUID memberId = acting.caller().requireMember();
        Params params = CreatedAtKeyset.bind(Params.of("memberId", memberId).put("unreadOnly", unreadOnly),
                page.after(2));
        return database.queryPage(PAGE_INBOX, params, page.limit(), r -> {
            try {
                return new Item(r.uuid("id"), r.string("type"), r.string("severity"), r.string("title"),
                        r.string("body"), r.string("entity_type"), r.string("entity_id"),
                        json.readTree(r.json("detail")), r.instant("created_at"), r.instant("read_at"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("notification detail is not JSON", e);
            }
        }, item -> CreatedAtKeyset.cursor(item.createdAt(), item.id()));
    }

    /** 404 when the caller has no such notification. */
    public Read markRead(Acting acting, UUID notificationId) {
        UUID memberId = acting.caller().requireMember();
        Params params = Params.of("memberId", memberId).put("notificationId", notificationId);
        Instant readAt = database.queryOptional(MARK_READ, params, r -> r.instant("read_at"))
                .orElseThrow(() -> ApiProblem.notFound("you have no notification " + notificationId));
        return new Read(notificationId, readAt);
    }

    public ReadAll markAllRead(Acting acting) {
        UUID memberId = acting.caller().requireMember();
        return new ReadAll(database.updateIdempotent(MARK_ALL_READ, Params.of("memberId", memberId)));
    }

    /** The outbound deliveries, newest first; {@code status} filters when given. */
    public Page<Delivery> deliveries(Acting acting, String status, PageRequest page) {
        acting.caller().requireReader();
        OutboundStatus wanted = status == null ? null : StoredText.find(OutboundStatus.class, status)
                .orElseThrow(() -> ApiProblem.invalid("status", "must be " + StoredText.choices(OutboundStatus.class)));
        Params params = CreatedAtKeyset.bind(Params.of().put("status", wanted), page.after(2));
        return database.queryPage(PAGE_DELIVERIES, params, page.limit(),
                r -> new Delivery(r.uuid("id"), r.uuid("notification_id"), r.string("type"), r.string("title"),
                        r.string("channel"), r.string("recipient"), StoredText.of(OutboundStatus.class, r.string("status")),
                        r.intValue("attempts"),
                        r.string("last_error"), r.instant("next_attempt_at"), r.instant("sent_at"),
                        r.instant("created_at")),
                d -> CreatedAtKeyset.cursor(d.createdAt(), d.id()));
    }

    /** Switches a channel that a refused delivery turned off back on, audited; admins only. */
    public ChannelState enableChannel(Acting acting, String channel) {
        acting.caller().require(Role.ADMIN);
        if (!CHANNELS.contains(channel)) {
            throw ApiProblem.notFound("no channel " + channel);
        }
        database.inTransaction(tx -> {
            tx.updateIdempotent(ENABLE_CHANNEL, Params.of("channel", channel));
            audit.record(tx, acting.actor(), "channel.enabled", "channel", channel,
                    Map.of("requestId", acting.requestId()));
            return null;
        });
        return new ChannelState(channel, true);
    }
}
