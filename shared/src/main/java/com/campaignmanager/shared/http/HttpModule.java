package com.campaignmanager.shared.http;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.observability.Observability;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * For API functions: the dispatcher over the {@link Routes} that the function's component binds, with callers
 * resolved by the {@link CallerDirectory} it binds (the team's, through {@code team.TeamModule}).
 */
@Module(includes = JsonModule.class)
public final class HttpModule {
    private HttpModule() {
    }

    @Provides
    @Singleton
    static RouteDispatcher routeDispatcher(Routes routes, ObjectMapper json, Observability observability,
                                           CallerDirectory callers, RolesClaim rolesClaim) {
        return new RouteDispatcher(routes, json, observability, callers, rolesClaim);
    }

    @Provides
    @Singleton
    static RolesClaim rolesClaim(Environment environment) {
        return RolesClaim.from(environment);
    }
}
