package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Transaction;
import java.util.UUID;

/**
 * Who else depends on a list (rounds do: {@code campaigns.ListsInRounds}). Asked, in the deleting transaction,
 * before a list goes; it refuses (409) while the list must stay. Audience knows nothing of campaigns.
 */
@FunctionalInterface
public interface ListUsage {
    void requireUnused(Transaction tx, UUID listId);
}
