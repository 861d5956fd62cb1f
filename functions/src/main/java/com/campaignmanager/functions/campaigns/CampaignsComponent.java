package com.campaignmanager.functions.campaigns;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.NotificationsModule;
import com.campaignmanager.shared.team.TeamModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, EmailModule.class, NotificationsModule.class,
        CampaignsComponent.RoutesModule.class})
interface CampaignsComponent {

    RouteDispatcher dispatcher();

    static CampaignsComponent create() {
        return DaggerCampaignsComponent.create();
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(CampaignsRoutes campaigns, RoundsRoutes rounds, OverviewRoutes overview) {
            Routes.Builder routes = Routes.builder();
            campaigns.addTo(routes);
            rounds.addTo(routes);
            overview.addTo(routes);
            return routes.build();
        }
    }
}
