package com.campaignmanager.shared.email;

import java.util.List;

/** Where rendered messages go: Mailjet in production, the database outbox locally. */
public interface EmailProvider {

    /** {@code "mailjet"} or {@code "outbox"}: recorded with each delivery. */
    String name();

    /** The most messages one {@link #send} call should carry; the caller batches by it. */
    int maxBatchSize();

    /**
     * Sends the messages and answers one result per message, in the same order. Per-message problems (and a
     * provider that is down) come back as results, never as exceptions; the caller records each result on its
     * own delivery and retries only the RETRYABLE ones.
     */
    List<SendResult> send(List<OutgoingMessage> messages);

    /** Whether sending can work now, without sending anything. */
    ProviderCheck check();

    /**
     * The provider's own counters for the messages tagged {@code campaignTag} (a round id), when it keeps any;
     * empty when it does not, or cannot answer now (the ledger's figures stand alone then).
     */
    default java.util.Optional<ProviderStatistics> statistics(String campaignTag) {
        return java.util.Optional.empty();
    }
}
