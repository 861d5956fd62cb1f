package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.ListUsage;
import com.campaignmanager.shared.db.Transaction;
import com.campaignmanager.shared.http.ApiProblem;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Which lists rounds depend on: a list that a waiting, approved or sending round goes to must stay as it is. */
@Singleton
public final class ListsInRounds implements ListUsage {
    private final RoundRepository rounds;

    @Inject
    public ListsInRounds(RoundRepository rounds) {
        this.rounds = rounds;
    }

    /**
     * A list is about to be deleted, in {@code tx}: refused while a round waiting for approval, approved, sending or
     * paused uses it (what was or is being approved must not shrink). The rounds are locked as the launcher claims them,
     * so that an approval or a launch cannot slip in between this check and the deletion.
     */
    @Override
    public void requireUnused(Transaction tx, UUID listId) {
        List<RoundRepository.LockedStatus> using = rounds.lockActiveUsingList(tx, listId);
        if (!using.isEmpty()) {
            throw ApiProblem.conflict("the list is used by " + using.size() + " round(s) waiting for approval, "
                    + "approved, sending or paused; cancel, stop or finish them first: "
                    + using.stream().map(r -> r.id() + " (" + r.status().stored() + ")").toList());
        }
    }
}
