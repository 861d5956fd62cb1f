package com.campaignmanager.functions.mailjet;

import com.campaignmanager.shared.audience.mailjet.MailjetEvent;
import com.campaignmanager.shared.audience.mailjet.MailjetEventReceiver;
import com.campaignmanager.shared.audience.mailjet.MailjetEvents;
import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import com.campaignmanager.shared.team.TeamModule;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Instant;
import java.util.List;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, MailjetEventsComponent.RoutesModule.class,
        MailjetEventsComponent.FunctionSettingsModule.class})
interface MailjetEventsComponent {

    RouteDispatcher dispatcher();

    ObjectMapper json();

    static MailjetEventsComponent create() {
        return DaggerMailjetEventsComponent.create();
    }

    /** One open, shaped as Mailjet posts it (made up): what priming reads, and nothing stores. */
    String PRIMING_EVENT = "{\"event\":\"open\",\"time\":0,\"MessageID\":0,\"Message_GUID\":\"priming\","
            + "\"email\":\"priming@example.invalid\",\"mj_campaign_id\":0,\"mj_contact_id\":0,"
            + "\"customcampaign\":\"priming\",\"CustomID\":\"priming\",\"ip\":\"127.0.0.1\",\"geo\":\"\","
            + "\"agent\":\"priming\"}";

    /**
     * Priming: requests answered by this function's real routing and problem mapping before any SQL (no credentials,
     * no route), a representative answer written through its JSON (made-up values), and a made-up event read as
     * the webhook reads Mailjet's body, without storing it: nothing is read or written.
     */
    static Priming priming(RouteDispatcher dispatcher, ObjectMapper json) {
        return Priming.of(
                PrimingCall.answer(dispatcher, "POST /webhooks/mailjet", new MailjetEventReceiver.Receipt(1, 1, 0, 1)),
                PrimingCall.request(dispatcher, "POST /webhooks/mailjet", "/webhooks/mailjet", 401),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404),
                new PrimingCall("mailjet event read", () -> {
                    List<MailjetEvent> events = MailjetEvents.parse("[" + PRIMING_EVENT + "]", json);
                    if (events.size() != 1 || events.get(0).toProviderEvent(Instant.EPOCH).idempotencyKey() == null) {
                        throw new IllegalStateException("the priming event read as " + events);
                    }
                }));
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
