package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.ListUsageModule;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.team.TeamModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, ListUsageModule.class,
        ListsComponent.RoutesModule.class})
interface ListsComponent {

    RouteDispatcher dispatcher();

    static ListsComponent create() {
        return DaggerListsComponent.create();
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(ListsRoutes lists, ContactsRoutes contacts, SuppressionsRoutes suppressions,
                             UnsubscribeRoutes unsubscribe) {
            Routes.Builder routes = Routes.builder();
            lists.addTo(routes);
            contacts.addTo(routes);
            suppressions.addTo(routes);
            unsubscribe.addTo(routes);
            return routes.build();
        }
    }
}
