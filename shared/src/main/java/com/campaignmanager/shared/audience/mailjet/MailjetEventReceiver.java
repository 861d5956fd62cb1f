package com.campaignmanager.shared.audience.mailjet;

import com.campaignmanager.shared.audience.ProviderEvent;
import com.campaignmanager.shared.audience.ProviderEventApplier;
import com.campaignmanager.shared.audience.ProviderEventRepository;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.ApiProblem;
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
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch of Mailjet's events, from whoever received it (the webhook checks Mailjet's credentials first). Mailjet
 * resends a batch every 30 s for a day until it gets a 200, so the batch is first stored (one transaction, each
 * event once by its key) and only then applied (a second transaction that skips events already applied). A
 * failure in either fails the receipt, and the resend completes what is missing without doing anything twice.
 */
@Singleton
public final class MailjetEventReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(MailjetEventReceiver.class);

    /** {@code applied}: events whose suppression or soft bounce was applied by this call. */
    public record Receipt(int received, int stored, int duplicates, int applied) {
    }

    private final Database database;
    private final ProviderEventRepository events;
    private final ProviderEventApplier applier;
    private final ObjectMapper json;
    private final Observability observability;
    private final Clock clock = Clock.systemUTC();

    @Inject
    public MailjetEventReceiver(Database database, ProviderEventRepository events, ProviderEventApplier applier,
                                ObjectMapper json, Observability observability) {
        this.database = database;
        this.events = events;
        this.applier = applier;
        this.json = json;
        this.observability = observability;
    }

    /** The body of Mailjet's callback (one event or an array of them); a malformed one is a 400. */
    public Receipt receive(String body) {
        List<MailjetEvent> batch;
        try {
            batch = MailjetEvents.parse(body, json);
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
        return receipt;
    }
}
