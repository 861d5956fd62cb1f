package com.campaignmanager.functions.notifications;

import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.Inbox;
import javax.inject.Inject;

/**
 * {@code /notifications}: a member's own in-app notifications, the outbound delivery log, and switching a
 * disabled channel back on; the HTTP side of {@link Inbox}, which holds the rules.
 */
final class NotificationsRoutes {
    private final Inbox inbox;

    @Inject
    NotificationsRoutes(Inbox inbox) {
        this.inbox = inbox;
    }

    Routes routes() {
        return Routes.builder()
                .add("GET /notifications", this::page)
                .add("POST /notifications/{notificationId}/read", request -> ApiResponse.ok(
                        inbox.markRead(request.acting(), request.pathUuid("notificationId"))))
                .add("POST /notifications/read-all", request -> ApiResponse.ok(inbox.markAllRead(request.acting())))
                .add("GET /notifications/log", request -> ApiResponse.ok(PageResponse.of(
                        inbox.deliveries(request.acting(), request.query("status").orElse(null), request.page()))))
                .add("POST /notifications/channels/{channel}/enable", request -> ApiResponse.ok(
                        inbox.enableChannel(request.acting(), request.pathParameter("channel"))))
                .build();
    }

    private ApiResponse page(ApiRequest request) {
        return ApiResponse.ok(PageResponse.of(inbox.page(request.acting(),
                request.queryBoolean("unread").orElse(false), request.page())));
    }
}
