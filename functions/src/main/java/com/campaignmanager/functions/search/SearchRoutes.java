package com.campaignmanager.functions.search;

import com.campaignmanager.shared.db.Cursor;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.search.SiteSearch;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

/**
 * {@code GET /search?q=&types=&limit=&cursor=}. Every member finds campaigns, rounds and lists; contacts (personal
 * data) only those {@link Caller#maySeePersonalData()} allows. What the caller may not see is named
 * in {@code omittedTypes} rather than silently missing.
 */
final class SearchRoutes {
    /** Ranked results are paged by position; deeper than this, refine the query. */
    static final int MAX_OFFSET = 1_000;

    record SearchPage(String q, List<SiteSearch.Hit> items, List<String> omittedTypes, String nextCursor) {
    }

    private final Database database;
    private final SiteSearch search;

    @Inject
    SearchRoutes(Database database, SiteSearch search) {
        this.database = database;
        this.search = search;
    }

    Routes routes() {
        return Routes.builder().add("GET /search", this::search).build();
    }

    private ApiResponse search(ApiRequest request) {
        Caller caller = request.caller();
        caller.requireReader();
        String q = request.query("q").orElseThrow(() -> ApiProblem.invalid("q", "is required"));
        if (q.length() > 200) {
            throw ApiProblem.invalid("q", "must be at most 200 characters");
        }
        Set<SiteSearch.Type> types = EnumSet.allOf(SiteSearch.Type.class);
        if (request.query("types").isPresent()) {
            try {
                types = EnumSet.copyOf(SiteSearch.parseTypes(request.query("types").get()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("types", "'" + e.getMessage() + "' is not one of campaign, round, list, contact");
            }
        }
        List<String> omitted = List.of();
        if (types.contains(SiteSearch.Type.CONTACT) && !caller.maySeePersonalData()) {
            types.remove(SiteSearch.Type.CONTACT);
            omitted = List.of(SiteSearch.Type.CONTACT.wireName());
        }
        PageRequest page = request.page();
        int offset = 0;
        if (page.cursor() != null) {
            try {
                offset = Integer.parseInt(page.after(1).get(0));
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
            }
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw ApiProblem.invalid("cursor", "is not a cursor this API returned");
        }
        SiteSearch.Hits hits = types.isEmpty() ? new SiteSearch.Hits(List.of(), false)
                : search.search(database, q, types, offset, page.limit());
        String next = hits.more() && offset + page.limit() <= MAX_OFFSET
                ? Cursor.encode(String.valueOf(offset + page.limit())) : null;
        return ApiResponse.ok(new SearchPage(q, hits.items(), omitted, next));
    }
}
