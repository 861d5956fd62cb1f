package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.ListUsage;
import dagger.Binds;
import dagger.Module;

/** For functions that delete lists: a list that rounds depend on stays. */
@Module
public interface ListUsageModule {
    @Binds
    ListUsage listUsage(ListsInRounds rounds);
}
