package com.campaignmanager.local.schedule;

import java.time.Instant;

/** A parsed schedule: the rate or cron behind a {@link ScheduleExpression}. */
sealed interface Schedule permits RateSchedule, CronSchedule {
    /** See {@link ScheduleExpression#nextAfter(Instant, Instant)}. */
    Instant nextAfter(Instant after, Instant anchor);
}
