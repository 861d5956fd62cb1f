package com.campaignmanager.functions.mailjet;

import com.campaignmanager.shared.audience.mailjet.MailjetEventReceiver;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Routes;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;

/**
 * {@code POST /webhooks/mailjet} (public, HTTP Basic): Mailjet's event callback. The credentials are checked here;
 * storing and applying the batch, once however often Mailjet resends it, is {@link MailjetEventReceiver}'s.
 */
final class MailjetEventsRoutes {
    private final WebhookCredentials credentials;
    private final MailjetEventReceiver receiver;

    @Inject
    MailjetEventsRoutes(WebhookCredentials credentials, MailjetEventReceiver receiver) {
        this.credentials = credentials;
        this.receiver = receiver;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST /webhooks/mailjet", this::receive);
    }

    private ApiResponse receive(ApiRequest request) {
        if (!credentials.accept(request.header("authorization"))) {
            return unauthorized(request);
        }
        return ApiResponse.ok(receiver.receive(request.bodyText()));
    }

    /**
     * Built here rather than thrown as an {@link ApiProblem}: the dispatcher's 401 challenges for a bearer token,
     * and Mailjet needs a Basic challenge.
     */
    private static ApiResponse unauthorized(ApiRequest request) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Unauthorized");
        problem.put("status", 401);
        problem.put("detail", "valid webhook credentials (HTTP Basic) are required");
        problem.put("instance", request.path());
        problem.put("requestId", request.requestId());
        return new ApiResponse(401, problem, Map.of("content-type", "application/problem+json",
                "www-authenticate", "Basic realm=\"mailjet-webhook\", charset=\"UTF-8\""));
    }
}
