package com.campaignmanager.shared.team;

import com.campaignmanager.shared.http.CallerDirectory;
import dagger.Binds;
import dagger.Module;

/** For API functions: callers are matched to the team (the member's role, not the token's). */
@Module
public interface TeamModule {
    @Binds
    CallerDirectory callers(TeamDirectory team);
}
