package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.audience.Suppressions;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.inject.Inject;

/** {@code /suppressions}: the global never-mail list; the HTTP side of {@link Suppressions}. */
final class SuppressionsRoutes {
    private final Suppressions suppressions;

    @Inject
    SuppressionsRoutes(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    void addTo(Routes.Builder routes) {
        routes.add("GET /suppressions", request -> ApiResponse.ok(PageResponse.of(suppressions.page(
                        request.acting(), request.query("reason").orElse(null), request.query("q").orElse(null),
                        request.page()))))
                .add("POST /suppressions", this::add)
                .add("DELETE /suppressions/{email}", request -> {
                    suppressions.lift(request.acting(), request.pathParameter("email"));
                    return ApiResponse.noContent();
                });
    }

    private ApiResponse add(ApiRequest request) {
        Suppressions.Added added = suppressions.add(request.acting(), request.body(Suppressions.NewSuppression.class));
        return ApiResponse.created(added.suppression(),
                "/suppressions/" + URLEncoder.encode(added.address().value(), StandardCharsets.UTF_8));
    }
}
