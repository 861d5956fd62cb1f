package com.campaignmanager.functions.mailjet;

import com.campaignmanager.shared.audience.ProviderEvent;
import com.campaignmanager.shared.audience.ProviderEventApplier;
import com.campaignmanager.shared.audience.ProviderEventRepository;
import com.campaignmanager.shared.audience.mailjet.MailjetEvent;
import com.campaignmanager.shared.audience.mailjet.MailjetEvents;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.observability.Observability;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/mailjet} (public, HTTP Basic): Mailjet's event callback. Mailjet resends a batch every
 * 30 s for a day until it gets a 200, so the batch is first stored (one transaction, each event once by its key)
 * and only then applied (a second transaction that skips events already applied). A failure in either answers
 * non-200, and the resend completes what is missing without doing anything twice.
 */
final class MailjetEventsRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(MailjetEventsRoutes.class);

    /** {@code applied}: events whose suppression or soft bounce was applied by this request. */
    record Receipt(int received, int stored, int duplicates, int applied) {
    }

    private final Database database;
    private final WebhookCredentials credentials;
    private final ProviderEventRepository events;
    private final ProviderEventApplier applier;
    private final ObjectMapper json;
    private final Observability observability;
    private final Clock clock = Clock.systemUTC();

    @Inject
    MailjetEventsRoutes(Database database, WebhookCredentials credentials, ProviderEventRepository events,
                        ProviderEventApplier applier, ObjectMapper json, Observability observability) {
        this.database = database;
        this.credentials = credentials;
        this.events = events;
        this.applier = applier;
        this.json = json;
        this.observability = observability;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST /webhooks/mailjet", this::receive);
    }

    private ApiResponse receive(ApiRequest request) {
        if (!credentials.accept(request.header("authorization"))) {
            return unauthorized(request);
        }
        List<MailjetEvent> batch;
        try {
            batch = MailjetEvents.parse(request.bodyText(), json);
        } catch (MailjetEvents.MalformedEventsException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        Instant receivedAt = clock.instant();
        Map<String, ProviderEvent> unique = new LinkedHashMap<>();
        for (MailjetEvent event : batch) {
            ProviderEvent stored = event.toProviderEvent(receivedAt);
            unique.putIfAbsent(stored.idempotencyKey(), stored);
        }
        List<ProviderEvent> toStore = new ArrayList<>(unique.values());
        Set<String> stored = toStore.isEmpty() ? Set.of() : database.inTransaction(tx -> events.store(tx, toStore));
        // Every event of the batch, not only the new ones: a resend applies what an earlier attempt stored but
        // could not apply.
        ProviderEventApplier.Outcome outcome = applier.apply(MailjetEvent.PROVIDER, unique.keySet());

        Receipt receipt = new Receipt(batch.size(), stored.size(), batch.size() - stored.size(), outcome.applied());
        observability.count("ProviderEventsReceived", receipt.received());
        observability.count("ProviderEventsDuplicates", receipt.duplicates());
        observability.count("ProviderEventsApplied", receipt.applied());
        observability.count("SoftBounceSuppressed", outcome.softBounceSuppressed());
        LOG.info("mailjet events: received={} stored={} duplicates={} applied={} softBounceSuppressed={}",
                receipt.received(), receipt.stored(), receipt.duplicates(), receipt.applied(),
                outcome.softBounceSuppressed());
        return ApiResponse.ok(receipt);
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
