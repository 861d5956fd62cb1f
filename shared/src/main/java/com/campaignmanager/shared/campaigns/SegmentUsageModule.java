package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.segments.SegmentUsage;
import dagger.Binds;
import dagger.Module;

/** For functions that change saved segments: the rounds that copy them follow. */
@Module
public interface SegmentUsageModule {
    @Binds
    SegmentUsage segmentUsage(SegmentsInRounds rounds);
}
