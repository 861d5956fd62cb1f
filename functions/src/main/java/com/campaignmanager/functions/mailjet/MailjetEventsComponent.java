package com.campaignmanager.functions.mailjet;

import com.campaignmanager.shared.audience.mailjet.MailjetEventReceiver;
import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import com.campaignmanager.shared.team.TeamModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, MailjetEventsComponent.RoutesModule.class,
        MailjetEventsComponent.FunctionSettingsModule.class})
interface MailjetEventsComponent {

    RouteDispatcher dispatcher();

    static MailjetEventsComponent create() {
        return DaggerMailjetEventsComponent.create();
    }

    /**
     * Priming: requests answered by this function's real routing and problem mapping before any SQL (no token, no body, an id that is none,
     * no route), and a representative answer of its main read written
     * through its JSON (made-up values), so that nothing is read or written.
     */
    static Priming priming(RouteDispatcher dispatcher) {
        return Priming.of(
                PrimingCall.answer(dispatcher, "POST /webhooks/mailjet", new MailjetEventReceiver.Receipt(1, 1, 0, 1)),
                PrimingCall.request(dispatcher, "POST /webhooks/mailjet", "/webhooks/mailjet", 401),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404));
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(MailjetEventsRoutes mailjet) {
            Routes.Builder routes = Routes.builder();
            mailjet.addTo(routes);
            return routes.build();
        }
    }

    @Module
    final class FunctionSettingsModule {
        private FunctionSettingsModule() {
        }

        @Provides
        @Singleton
        static WebhookCredentials webhookCredentials(Environment environment) {
            return WebhookCredentials.from(environment);
        }
    }
}
