package com.campaignmanager.functions.campaigns;

import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.Campaigns;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import java.util.UUID;
import javax.inject.Inject;

/** {@code /campaigns}: the HTTP side of {@link Campaigns}. */
final class CampaignsRoutes {
    private final Campaigns campaigns;

    @Inject
    CampaignsRoutes(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST /campaigns", this::create)
                .add("GET /campaigns", this::page)
                .add("GET /campaigns/{campaignId}", this::get)
                .add("PATCH /campaigns/{campaignId}", this::update)
                .add("DELETE /campaigns/{campaignId}", this::archive)
                .add("POST /campaigns/{campaignId}/copy", this::copy);
    }

    private ApiResponse create(ApiRequest request) {
        Campaign created = campaigns.create(acting(request), request.body(Campaigns.CampaignFields.class));
        return ApiResponse.created(created, "/campaigns/" + created.id());
    }

    private ApiResponse page(ApiRequest request) {
        return ApiResponse.ok(PageResponse.of(campaigns.page(acting(request), request.query("status").orElse(null),
                request.query("q").orElse(null), request.page())));
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(campaigns.get(acting(request), request.pathUuid("campaignId")));
    }

    private ApiResponse update(ApiRequest request) {
        return ApiResponse.ok(campaigns.update(acting(request), request.pathUuid("campaignId"),
                request.body(Campaigns.CampaignFields.class)));
    }

    private ApiResponse archive(ApiRequest request) {
        campaigns.archive(acting(request), request.pathUuid("campaignId"));
        return ApiResponse.noContent();
    }

    /** {@code {name?}} (or no body) → 201 with the new campaign and the ids of its rounds, drafts. */
    private ApiResponse copy(ApiRequest request) {
        UUID campaignId = request.pathUuid("campaignId");
        Campaigns.CopyFields fields = request.bodyText().isBlank() ? new Campaigns.CopyFields(null)
                : request.body(Campaigns.CopyFields.class);
        Campaigns.CampaignCopy copy = campaigns.copy(acting(request), campaignId, fields);
        return ApiResponse.created(copy, "/campaigns/" + copy.campaign().id());
    }

    static Acting acting(ApiRequest request) {
        return new Acting(request.caller(), request.requestId());
    }
}
