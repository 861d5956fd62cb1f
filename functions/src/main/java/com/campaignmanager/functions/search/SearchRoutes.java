package com.campaignmanager.functions.search;

import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.search.SiteSearch;
import javax.inject.Inject;

/** {@code GET /search?q=&types=&limit=&cursor=}: the HTTP side of {@link SiteSearch}, which holds the rules. */
final class SearchRoutes {
    private final SiteSearch search;

    @Inject
    SearchRoutes(SiteSearch search) {
        this.search = search;
    }

    Routes routes() {
        return Routes.builder().add("GET /search", request -> ApiResponse.ok(search.find(request.acting(),
                new SiteSearch.Query(request.query("q").orElse(null), request.query("types").orElse(null)),
                request.page()))).build();
    }
}
