package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Who a round goes to, for every entry point: the count and a sample, before launch from the statement the ledger is
 * written with (lists, suppressions, excluded lists, conditions), so the preview is what will be sent; once launched
 * from its ledger ({@code ledger: true}). Every member sees the count; the sample's addresses and names only those
 * who may see personal data.
 */
@Singleton
public final class RoundAudience {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** {@code sample} is null when the caller may not see personal data. */
    public record Preview(UUID roundId, long recipients, List<DeliveryLedger.AudienceMember> sample, boolean ledger) {
    }

    private final Database database;
    private final RoundRepository rounds;
    private final DeliveryLedger ledger;

    @Inject
    public RoundAudience(Database database, RoundRepository rounds, DeliveryLedger ledger) {
        this.database = database;
        this.rounds = rounds;
        this.ledger = ledger;
    }

    public Preview preview(Acting acting, UUID roundId, int limit) {
        acting.caller().requireReader();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be 1 to " + MAX_LIMIT);
        }
        rounds.find(database, roundId).orElseThrow(() -> ApiProblem.notFound("round " + roundId + " does not exist"));
        boolean personal = acting.caller().maySeePersonalData();
        DeliveryLedger.AudienceCount count = ledger.preview(database, roundId, personal ? limit : 0);
        return new Preview(roundId, count.recipients(), personal ? count.sample() : null, count.ledger());
    }
}
