package com.campaignmanager.functions.notifications;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.Inbox;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;

/**
 * {@code /notifications}: a member's own in-app notifications (read, mark read), the outbound delivery log, and
 * switching a disabled Slack channel back on (admins).
 */
final class NotificationsRoutes {
    private static final Set<String> DELIVERY_STATUSES = Set.of("pending", "sent", "failed", "disabled");

    record Read(UUID id, Instant readAt) {
    }

    record ReadAll(long marked) {
    }

    private final Database database;
    private final Inbox inbox;
    private final AuditTrail audit;

    @Inject
    NotificationsRoutes(Database database, Inbox inbox, AuditTrail audit) {
        this.database = database;
        this.inbox = inbox;
        this.audit = audit;
    }

    Routes routes() {
        return Routes.builder()
                .add("GET /notifications", this::page)
                .add("POST /notifications/{notificationId}/read", this::read)
                .add("POST /notifications/read-all", this::readAll)
                .add("GET /notifications/log", this::log)
                .add("POST /notifications/channels/{channel}/enable", this::enable)
                .build();
    }

    private ApiResponse page(ApiRequest request) {
        UUID memberId = request.caller().requireMember();
        boolean unreadOnly = request.queryBoolean("unread").orElse(false);
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(inbox.page(database, memberId, unreadOnly, page.after(2), page.limit())));
    }

    private ApiResponse read(ApiRequest request) {
        UUID memberId = request.caller().requireMember();
        UUID notificationId = request.pathUuid("notificationId");
        Instant readAt = inbox.markRead(database, memberId, notificationId)
                .orElseThrow(() -> ApiProblem.notFound("you have no notification " + notificationId));
        return ApiResponse.ok(new Read(notificationId, readAt));
    }

    private ApiResponse readAll(ApiRequest request) {
        UUID memberId = request.caller().requireMember();
        return ApiResponse.ok(new ReadAll(inbox.markAllRead(database, memberId)));
    }

    private ApiResponse log(ApiRequest request) {
        request.caller().requireReader();
        String status = request.query("status").orElse(null);
        if (status != null && !DELIVERY_STATUSES.contains(status)) {
            throw ApiProblem.invalid("status", "must be one of " + String.join(", ", DELIVERY_STATUSES));
        }
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(inbox.deliveries(database, status, page.after(2), page.limit())));
    }

    private ApiResponse enable(ApiRequest request) {
        request.caller().require(Role.ADMIN);
        String channel = request.pathParameter("channel");
        if (!channel.equals("slack") && !channel.equals("email")) {
            throw ApiProblem.notFound("no channel " + channel);
        }
        database.inTransaction(tx -> {
            inbox.enableChannel(tx, channel);
            audit.record(tx, request.caller().actor(), "channel.enabled", "channel", channel,
                    Map.of("requestId", request.requestId()));
            return null;
        });
        return ApiResponse.ok(Map.of("channel", channel, "enabled", true));
    }
}
