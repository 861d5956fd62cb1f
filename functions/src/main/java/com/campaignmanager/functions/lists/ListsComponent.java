package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.ListUsageModule;
import com.campaignmanager.shared.campaigns.SegmentUsageModule;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.NotificationsModule;
import com.campaignmanager.shared.team.TeamModule;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, ListUsageModule.class,
        SegmentUsageModule.class, NotificationsModule.class, ListsComponent.RoutesModule.class})
interface ListsComponent {

    RouteDispatcher dispatcher();

    static ListsComponent create() {
        return DaggerListsComponent.create();
    }

    /**
     * Priming: requests answered by this function's real routing and problem mapping before any SQL (no token, no body, an id that is none,
     * no route), so that nothing is read or written.
     */
    static Priming priming(RouteDispatcher dispatcher) {
        return Priming.of(
                PrimingCall.request(dispatcher, "GET /contacts", "/contacts", 401),
                PrimingCall.request(dispatcher, "PATCH /contacts/{contactId}", "/contacts/0", 404),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404));
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(ListsRoutes lists, ContactsRoutes contacts, SuppressionsRoutes suppressions,
                             UnsubscribeRoutes unsubscribe, SegmentsRoutes segments) {
            Routes.Builder routes = Routes.builder();
            lists.addTo(routes);
            contacts.addTo(routes);
            suppressions.addTo(routes);
            unsubscribe.addTo(routes);
            segments.addTo(routes);
            return routes.build();
        }
    }
}
