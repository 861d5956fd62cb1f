package com.campaignmanager.functions.search;

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
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, SearchComponent.RoutesModule.class})
interface SearchComponent {

    RouteDispatcher dispatcher();

    static SearchComponent create() {
        return DaggerSearchComponent.create();
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
