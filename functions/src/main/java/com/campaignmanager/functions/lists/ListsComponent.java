package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.audience.ContactList;
import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.ListUsageModule;
import com.campaignmanager.shared.campaigns.SegmentUsageModule;
import com.campaignmanager.shared.db.Page;
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
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, ListUsageModule.class,
        SegmentUsageModule.class, NotificationsModule.class, ListsComponent.RoutesModule.class})
interface ListsComponent {

    RouteDispatcher dispatcher();

    static ListsComponent create() {
        return DaggerListsComponent.create();
    }

    /**
     * Priming: requests answered by this function's real routing and problem mapping before any SQL (no token, no body, an id that is none,
     * no route), a signed-in caller's claims read (no lookup), and a representative answer of its main read written
     * through its JSON (made-up values), so that nothing is read or written.
     */
    static Priming priming(RouteDispatcher dispatcher) {
        return Priming.of(
                PrimingCall.caller(dispatcher),
                PrimingCall.answer(dispatcher, "GET /lists", PageResponse.of(new Page<>(List.of(new ContactList(PrimingCall.ID,
                        "Priming", "made up", 1, Instant.EPOCH, Instant.EPOCH)), "priming"))),
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
