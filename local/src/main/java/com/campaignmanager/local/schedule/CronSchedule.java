package com.campaignmanager.local.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * {@code cron(...)} in UTC, reduced to the sets of minutes, hours, months and years it allows plus the day rule from
 * whichever of day-of-month / day-of-week is not {@code ?}.
 */
record CronSchedule(BitSet minutes, BitSet hours, BitSet months, BitSet years, DayMatcher days) implements Schedule {
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2199;
    private static final Instant BEGINNING = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** Whether the cron fires at this (whole) minute; the brute-force reference for {@link #nextAfter}. */
    boolean matches(LocalDateTime minute) {
        return minutes.get(minute.getMinute())
                && hours.get(minute.getHour())
                && matchesDate(minute.toLocalDate());
    }

    /** Cron ignores the anchor: its times are fixed by the calendar. */
    @Override
    public Instant nextAfter(Instant after, Instant anchor) {
        if (!after.isBefore(END)) {
            return null;
        }
        // The first whole minute strictly after `after`, but no earlier than cron's first year.
        LocalDateTime start = after.isBefore(BEGINNING)
                ? LocalDateTime.ofInstant(BEGINNING, ZoneOffset.UTC)
                : LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        // Walk the calendar a month and then a day at a time, skipping whole months and years that cannot match;
        // only on a matching day look for the first allowed hour and minute.
        LocalDate startDate = start.toLocalDate();
        for (int year = years.nextSetBit(start.getYear()); year >= 0; year = years.nextSetBit(year + 1)) {
            int firstMonth = year == startDate.getYear() ? startDate.getMonthValue() : 1;
            for (int month = months.nextSetBit(firstMonth); month >= 0; month = months.nextSetBit(month + 1)) {
                YearMonth yearMonth = YearMonth.of(year, month);
                int firstDay = yearMonth.equals(YearMonth.from(startDate)) ? startDate.getDayOfMonth() : 1;
                for (int day = firstDay; day <= yearMonth.lengthOfMonth(); day++) {
                    LocalDate date = yearMonth.atDay(day);
                    if (!days.matches(date)) {
                        continue;
                    }
                    LocalTime time = firstTimeAtOrAfter(date.equals(startDate) ? start.toLocalTime() : LocalTime.MIDNIGHT);
                    if (time != null) {
                        return date.atTime(time).toInstant(ZoneOffset.UTC);
                    }
                }
            }
        }
        return null;
    }

    private boolean matchesDate(LocalDate date) {
        return years.get(date.getYear()) && months.get(date.getMonthValue()) && days.matches(date);
    }

    private LocalTime firstTimeAtOrAfter(LocalTime from) {
        for (int hour = hours.nextSetBit(from.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            int minute = minutes.nextSetBit(hour == from.getHour() ? from.getMinute() : 0);
            if (minute >= 0) {
                return LocalTime.of(hour, minute);
            }
        }
        return null;
    }
}
