package com.campaignmanager.functions.team;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.team.TeamModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, TeamComponent.RoutesModule.class})
interface TeamComponent {

    RouteDispatcher dispatcher();

    static TeamComponent create() {
        return DaggerTeamComponent.create();
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(TeamRoutes routes) {
            return routes.routes();
        }
    }
}
