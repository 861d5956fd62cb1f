package com.campaignmanager.functions.mailjet;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
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
