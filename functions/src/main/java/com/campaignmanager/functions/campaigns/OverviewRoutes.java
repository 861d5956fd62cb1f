package com.campaignmanager.functions.campaigns;

import com.campaignmanager.shared.campaigns.Approvals;
import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.CampaignRepository;
import com.campaignmanager.shared.campaigns.CampaignTimeline;
import com.campaignmanager.shared.campaigns.Dashboard;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;

/** What the team looks at every day: approvals waiting or decided, a campaign's timeline, the dashboard. */
final class OverviewRoutes {
    /** A page of the timeline, with the zone its times are given in. */
    record TimelinePage(String timezone, List<CampaignTimeline.Entry> items, String nextCursor) {
    }

    private final Database database;
    private final CampaignRepository campaigns;
    private final Approvals approvals;
    private final CampaignTimeline timeline;
    private final Dashboard dashboard;

    @Inject
    OverviewRoutes(Database database, CampaignRepository campaigns, Approvals approvals, CampaignTimeline timeline,
                   Dashboard dashboard) {
        this.database = database;
        this.campaigns = campaigns;
        this.approvals = approvals;
        this.timeline = timeline;
        this.dashboard = dashboard;
    }

    void addTo(Routes.Builder routes) {
        routes.add("GET /approvals", this::approvals)
                .add("GET /campaigns/{campaignId}/timeline", this::timeline)
                .add("GET /dashboard", this::dashboard);
    }

    private ApiResponse approvals(ApiRequest request) {
        request.caller().requireReader();
        boolean decided = switch (request.query("status").orElse("pending")) {
            case "pending" -> false;
            case "decided" -> true;
            default -> throw ApiProblem.invalid("status", "must be pending or decided");
        };
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(approvals.page(database, decided, page.after(2), page.limit())));
    }

    private ApiResponse timeline(ApiRequest request) {
        request.caller().requireReader();
        UUID campaignId = request.pathUuid("campaignId");
        Campaign campaign = campaigns.find(database, campaignId)
                .orElseThrow(() -> ApiProblem.notFound("campaign " + campaignId + " does not exist"));
        PageRequest page = request.page();
        var entries = timeline.page(database, campaignId, ZoneId.of(campaign.timezone()), page.after(2), page.limit());
        return ApiResponse.ok(new TimelinePage(campaign.timezone(), entries.items(), entries.nextCursor()));
    }

    private ApiResponse dashboard(ApiRequest request) {
        request.caller().requireReader();
        return ApiResponse.ok(dashboard.build(database));
    }
}
