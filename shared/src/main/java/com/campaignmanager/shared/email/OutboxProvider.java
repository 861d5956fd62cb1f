package com.campaignmanager.shared.email;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.RetryableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local default provider: "sends" by storing each message in {@code outbox_messages}, one Data API call per
 * batch. A message already stored (same custom id, e.g. a batch sent again after a crash) is not stored twice and
 * is answered SENT again with the same id, as Mailjet's DeduplicateCampaign would let a resend pass harmlessly.
 */
public final class OutboxProvider implements EmailProvider {
    public static final String NAME = "outbox";
    static final int MAX_MESSAGES = 500;
    private static final String ID_PREFIX = "outbox:";

    private final Database database;
    private final OutboxRepository repository;

    public OutboxProvider(Database database, OutboxRepository repository) {
        this.database = database;
        this.repository = repository;
    }

    static String messageId(UUID id) {
        return ID_PREFIX + id;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int maxBatchSize() {
        return MAX_MESSAGES;
    }

    @Override
    public List<SendResult> send(List<OutgoingMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Map<String, UUID> ids = new HashMap<>();
        try {
            // Not in a transaction: each statement is idempotent, so a part stored before a failure is harmless.
            for (OutboxRepository.Stored stored : repository.store(database, messages)) {
                ids.put(stored.customId(), stored.id());
            }
        } catch (RetryableException e) {
            // Throttled, resuming or no answer: the statement may have run, and running it again is safe.
            List<SendResult> results = new ArrayList<>(messages.size());
            messages.forEach(m -> results.add(SendResult.retryable(m.customId(), "outbox: " + e.getMessage())));
            return results;
        }
        List<SendResult> results = new ArrayList<>(messages.size());
        for (OutgoingMessage message : messages) {
            UUID id = ids.get(message.customId());
            results.add(id != null ? SendResult.sent(message.customId(), messageId(id))
                    : SendResult.retryable(message.customId(), "outbox: stored by a concurrent call just now"));
        }
        return results;
    }

    @Override
    public ProviderCheck check() {
        return new ProviderCheck(true, true, "messages are stored in the outbox table, none is delivered");
    }
}
