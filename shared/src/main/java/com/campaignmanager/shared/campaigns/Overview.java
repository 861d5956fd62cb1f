package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/** What the team looks at every day: approvals waiting or decided, a campaign's timeline, the dashboard. */
@Singleton
public final class Overview {
    /** A page of the timeline, with the zone its times are given in. */
    public record TimelinePage(String timezone, List<CampaignTimeline.Entry> items, String nextCursor) {
    }

    private final Database database;
    private final CampaignRepository campaigns;
    private final Approvals approvals;
    private final CampaignTimeline timeline;
    private final Dashboard dashboard;

    @Inject
    public Overview(Database database, CampaignRepository campaigns, Approvals approvals, CampaignTimeline timeline,
                    Dashboard dashboard) {
        this.database = database;
        this.campaigns = campaigns;
        this.approvals = approvals;
        this.timeline = timeline;
        this.dashboard = dashboard;
    }

    /** {@code status}: pending (the default) or decided. */
    public Page<Approvals.Approval> approvals(Acting acting, String status, PageRequest page) {
        acting.caller().requireReader();
        boolean decided = switch (status == null ? "pending" : status) {
            case "pending" -> false;
            case "decided" -> true;
            default -> throw ApiProblem.invalid("status", "must be pending or decided");
        };
        return approvals.page(database, decided, page.after(2), page.limit());
    }

    public TimelinePage timeline(Acting acting, UUID campaignId, PageRequest page) {
        acting.caller().requireReader();
        Campaign campaign = campaigns.find(database, campaignId)
                .orElseThrow(() -> ApiProblem.notFound("campaign " + campaignId + " does not exist"));
        var entries = timeline.page(database, campaignId, ZoneId.of(campaign.timezone()), page.after(2), page.limit());
        return new TimelinePage(campaign.timezone(), entries.items(), entries.nextCursor());
    }

    /** One SQL statement, one JSON document, one Data API call. */
    public JsonNode dashboard(Acting acting) {
        acting.caller().requireReader();
        return dashboard.build(database);
    }
}
