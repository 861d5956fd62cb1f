package com.campaignmanager.shared.http;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.json.JsonModule;
import com.campaignmanager.shared.observability.Observability;
import com.campaignmanager.shared.team.TeamDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/**
 * For API functions: the dispatcher over the {@link Routes} that the function's component binds, with callers
 * matched to the team.
 */
@Module(includes = JsonModule.class)
public final class HttpModule {
    private HttpModule() {
    }

    @Provides
    @Singleton
    static RouteDispatcher routeDispatcher(Routes routes, ObjectMapper json, Observability observability,
                                           TeamDirectory team, RolesClaim rolesClaim) {
        return new RouteDispatcher(routes, json, observability, team, rolesClaim);
    }

    @Provides
    @Singleton
    static RolesClaim rolesClaim(Environment environment) {
        return RolesClaim.from(environment);
    }
}
