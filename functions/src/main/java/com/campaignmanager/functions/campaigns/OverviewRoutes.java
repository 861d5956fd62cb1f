package com.campaignmanager.functions.campaigns;

import static com.campaignmanager.functions.campaigns.CampaignsRoutes.acting;

import com.campaignmanager.shared.campaigns.Overview;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import javax.inject.Inject;

/** Approvals, a campaign's timeline, the dashboard: the HTTP side of {@link Overview}. */
final class OverviewRoutes {
    private final Overview overview;

    @Inject
    OverviewRoutes(Overview overview) {
        this.overview = overview;
    }

    void addTo(Routes.Builder routes) {
        routes.add("GET /approvals", this::approvals)
                .add("GET /campaigns/{campaignId}/timeline", this::timeline)
                .add("GET /dashboard", this::dashboard);
    }

    private ApiResponse approvals(ApiRequest request) {
        return ApiResponse.ok(PageResponse.of(overview.approvals(acting(request), request.query("status").orElse(null),
                request.page())));
    }

    private ApiResponse timeline(ApiRequest request) {
        return ApiResponse.ok(overview.timeline(acting(request), request.pathUuid("campaignId"), request.page()));
    }

    private ApiResponse dashboard(ApiRequest request) {
        return ApiResponse.ok(overview.dashboard(acting(request)));
    }
}
