package com.campaignmanager.functions.health;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.health.HealthReport;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import com.campaignmanager.shared.team.TeamModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, HealthComponent.RoutesModule.class})
interface HealthComponent {

    RouteDispatcher dispatcher();

    static HealthComponent create() {
        return DaggerHealthComponent.create();
    }

    /**
     * Priming: requests answered by this function's real routing and problem mapping before any SQL (a wrong method,
     * no route), and a representative answer of its main read written through its JSON (made-up values): nothing is
     * read or written. No signed-in caller's claims: its one route is public (no authorizer), so no request brings
     * any.
     */
    static Priming priming(RouteDispatcher dispatcher) {
        return Priming.of(
                PrimingCall.answer(dispatcher, "GET /health", new HealthReport("ok", new HealthReport.DatabaseStatus("ok", 1), "priming")),
                PrimingCall.request(dispatcher, "POST /health", "/health", 405),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404));
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(HealthRoutes routes) {
            return routes.routes();
        }
    }
}
