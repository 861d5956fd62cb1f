package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.audience.segments.Segment;
import com.campaignmanager.shared.audience.segments.Segments;
import com.campaignmanager.shared.campaigns.RoundAudience;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import javax.inject.Inject;

/** {@code /segments} and a round's audience preview: the HTTP side of {@link Segments} and {@link RoundAudience}. */
final class SegmentsRoutes {
    private final Segments segments;
    private final RoundAudience audience;

    @Inject
    SegmentsRoutes(Segments segments, RoundAudience audience) {
        this.segments = segments;
        this.audience = audience;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST /segments", this::create)
                .add("GET /segments", request -> ApiResponse.ok(PageResponse.of(segments.page(request.acting(),
                        request.query("q").orElse(null), request.page()))))
                .add("GET /segments/{segmentId}", request -> versioned(segments.get(request.acting(),
                        request.pathUuid("segmentId"))))
                .add("PATCH /segments/{segmentId}", request -> versioned(segments.update(request.acting(),
                        request.pathUuid("segmentId"), request.body(Segments.SegmentFields.class),
                        request.seenVersion(null))))
                .add("DELETE /segments/{segmentId}", request -> {
                    segments.delete(request.acting(), request.pathUuid("segmentId"));
                    return ApiResponse.noContent();
                })
                .add("GET /rounds/{roundId}/audience", request -> ApiResponse.ok(audience.preview(request.acting(),
                        request.pathUuid("roundId"), request.queryInt("limit", RoundAudience.DEFAULT_LIMIT, 1,
                                RoundAudience.MAX_LIMIT))));
    }

    private ApiResponse create(ApiRequest request) {
        Segment created = segments.create(request.acting(), request.body(Segments.SegmentFields.class));
        return ApiResponse.created(created, "/segments/" + created.id()).withVersion(created.version());
    }

    /** With its version as the {@code ETag}: an edit taking it back as {@code If-Match} is a 412 if it changed. */
    private static ApiResponse versioned(Segment segment) {
        return ApiResponse.ok(segment).withVersion(segment.version());
    }
}
