package com.campaignmanager.functions.campaigns;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.CampaignStatus;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.NotificationsModule;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import com.campaignmanager.shared.team.TeamModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Instant;
import java.util.List;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, EmailModule.class, NotificationsModule.class,
        CampaignsComponent.RoutesModule.class})
interface CampaignsComponent {

    RouteDispatcher dispatcher();

    static CampaignsComponent create() {
        return DaggerCampaignsComponent.create();
    }

    /**
     * Priming: requests answered by this function's real routing and problem mapping before any SQL (no token, no body, an id that is none,
     * no route), a signed-in caller's claims read (no lookup), and a representative answer of its main read written
     * through its JSON (made-up values), so that nothing is read or written.
     */
    static Priming priming(RouteDispatcher dispatcher) {
        return Priming.of(
                PrimingCall.caller(dispatcher),
                PrimingCall.answer(dispatcher, "GET /campaigns", PageResponse.of(new Page<>(List.of(new Campaign(PrimingCall.ID,
                        "Priming", "made up", "priming@example.com", "Priming", null, "UTC", CampaignStatus.ACTIVE, "priming",
                        Instant.EPOCH, Instant.EPOCH)), "priming"))),
                PrimingCall.request(dispatcher, "GET /campaigns", "/campaigns", 401),
                PrimingCall.request(dispatcher, "POST /campaigns", "/campaigns", 400),
                PrimingCall.request(dispatcher, "GET /campaigns/{campaignId}", "/campaigns/0", 404),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404));
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(CampaignsRoutes campaigns, RoundsRoutes rounds, OverviewRoutes overview,
                             TemplatesRoutes templates) {
            Routes.Builder routes = Routes.builder();
            campaigns.addTo(routes);
            rounds.addTo(routes);
            overview.addTo(routes);
            templates.addTo(routes);
            return routes.build();
        }
    }
}
