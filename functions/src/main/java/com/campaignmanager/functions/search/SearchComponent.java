package com.campaignmanager.functions.search;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import com.campaignmanager.shared.search.SiteSearch;
import com.campaignmanager.shared.team.TeamModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.util.List;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, SearchComponent.RoutesModule.class})
interface SearchComponent {

    RouteDispatcher dispatcher();

    static SearchComponent create() {
        return DaggerSearchComponent.create();
    }

    /**
     * Priming: requests answered by this function's real routing and problem mapping before any SQL (no token, no body, an id that is none,
     * no route), a signed-in caller's claims read (no lookup), and a representative answer of its main read written
     * through its JSON (made-up values), so that nothing is read or written.
     */
    static Priming priming(RouteDispatcher dispatcher) {
        return Priming.of(
                PrimingCall.caller(dispatcher),
                PrimingCall.answer(dispatcher, "GET /search", new SiteSearch.Results("priming", List.of(new SiteSearch.Hit("campaign",
                        PrimingCall.ID, "Priming", "<b>Priming</b>", "made up", PrimingCall.ID, 1.0)), List.of(), "priming")),
                PrimingCall.request(dispatcher, "GET /search", "/search", 401),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404));
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(SearchRoutes routes) {
            return routes.routes();
        }
    }
}
