package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.StoredText;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Reading rounds, for every entry point: a round, a campaign's rounds, its preflight, ledger and statistics. */
@Singleton
public final class Rounds {
    private final Database database;
    private final RoundRepository rounds;
    private final Campaigns campaigns;
    private final Preflight preflight;
    private final RoundMetrics metrics;

    @Inject
    public Rounds(Database database, RoundRepository rounds, Campaigns campaigns, Preflight preflight,
                  RoundMetrics metrics) {
        this.database = database;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.preflight = preflight;
        this.metrics = metrics;
    }

    /** The round (with its version, the ETag decisions name). */
    public Round get(Acting acting, UUID roundId) {
        acting.caller().requireReader();
        return existing(roundId);
    }

    public Page<Round> ofCampaign(Acting acting, UUID campaignId, PageRequest page) {
        acting.caller().requireReader();
        campaigns.existing(campaignId);
        return rounds.page(database, campaignId, page.after(2), page.limit());
    }

    /** {@code {ready, items: [{check, status: pass|warn|fail, detail}]}}, run now (and kept on the round). */
    public Preflight.Result preflight(Acting acting, UUID roundId) {
        acting.caller().requireReader();
        existing(roundId);
        return preflight.run(database, roundId, false);
    }

    /** The last preflight kept on the round (by a check, a submit, an approval or the launch), not run again. */
    public Optional<Preflight.Checked> lastPreflight(Acting acting, UUID roundId) {
        acting.caller().requireReader();
        existing(roundId);
        return preflight.last(database, roundId);
    }

    /** The round's ledger: who it went to, with each message's status. Personal data. */
    public Page<RoundRepository.Delivery> deliveries(Acting acting, UUID roundId, String status,
                                                     PageRequest page) {
        acting.caller().requirePersonalData();
        existing(roundId);
        DeliveryStatus wanted = status == null ? null : StoredText.find(DeliveryStatus.class, status)
                .orElseThrow(() -> ApiProblem.invalid("status", "must be " + StoredText.choices(DeliveryStatus.class)));
        return rounds.deliveries(database, roundId, wanted, page.after(1), page.limit());
    }

    /** The latest collected statistics and their history (hourly snapshots, newest first). */
    public RoundMetrics.Figures metrics(Acting acting, UUID roundId) {
        acting.caller().requireReader();
        existing(roundId);
        return metrics.figures(database, roundId);
    }

    private Round existing(UUID roundId) {
        return rounds.find(database, roundId)
                .orElseThrow(() -> ApiProblem.notFound("round " + roundId + " does not exist"));
    }
}
