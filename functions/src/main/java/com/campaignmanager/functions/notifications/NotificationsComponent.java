package com.campaignmanager.functions.notifications;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.Inbox;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import com.campaignmanager.shared.team.TeamModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Instant;
import java.util.List;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, NotificationsComponent.RoutesModule.class})
interface NotificationsComponent {

    RouteDispatcher dispatcher();

    static NotificationsComponent create() {
        return DaggerNotificationsComponent.create();
    }

    /**
     * Priming: requests answered by this function's real routing and problem mapping before any SQL (no token, no body, an id that is none,
     * no route), a signed-in caller's claims read (no lookup), and a representative answer of its main read written
     * through its JSON (made-up values), so that nothing is read or written.
     */
    static Priming priming(RouteDispatcher dispatcher) {
        return Priming.of(
                PrimingCall.caller(dispatcher),
                PrimingCall.answer(dispatcher, "GET /notifications", PageResponse.of(new Page<>(List.of(new Inbox.Item(PrimingCall.ID,
                        "priming", "info", "Priming", "made up", "campaign", PrimingCall.ID.toString(),
                        JsonNodeFactory.instance.objectNode().put("priming", true), Instant.EPOCH, null)), "priming"))),
                PrimingCall.request(dispatcher, "GET /notifications", "/notifications", 401),
                PrimingCall.request(dispatcher, "POST /notifications/read-all", "/notifications/read-all", 401),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404));
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
