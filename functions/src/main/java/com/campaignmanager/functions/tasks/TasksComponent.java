package com.campaignmanager.functions.tasks;

import com.campaignmanager.shared.aws.DataApiModule;
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
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, NotificationsModule.class, TasksComponent.RoutesModule.class})
interface TasksComponent {

    RouteDispatcher dispatcher();

    static TasksComponent create() {
        return DaggerTasksComponent.create();
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(TasksRoutes routes) {
            return routes.routes();
        }
    }
}
