package com.campaignmanager.functions.notifications;

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
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, NotificationsComponent.RoutesModule.class})
interface NotificationsComponent {

    RouteDispatcher dispatcher();

    static NotificationsComponent create() {
        return DaggerNotificationsComponent.create();
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(NotificationsRoutes routes) {
            return routes.routes();
        }
    }
}
