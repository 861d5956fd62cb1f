package com.campaignmanager.local.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

/**
 * Which days a cron fires on: the day-of-month or the day-of-week field, whichever is not {@code ?}. Every rule is
 * judged within the date's own month, so none of them ever spills into a neighbouring month.
 */
sealed interface DayMatcher {
    boolean matches(LocalDate date);

    /** Cron numbering: 1 = Sunday ... 7 = Saturday. */
    static int cronDayOfWeek(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }

    /** Plain days of the month (1-31); a day past the end of a short month simply does not occur. */
    record DaysOfMonth(BitSet days) implements DayMatcher {
        @Override
        public boolean matches(LocalDate date) {
            return days.get(date.getDayOfMonth());
        }
    }

    /** {@code L} (daysBeforeLast = 0) or {@code L-n}: the last day of the month, or n days before it. */
    record LastDayOfMonth(int daysBeforeLast) implements DayMatcher {
        @Override
        public boolean matches(LocalDate date) {
            return date.getDayOfMonth() == date.lengthOfMonth() - daysBeforeLast;
        }
    }

    /**
     * {@code nW}: the weekday (Mon-Fri) nearest to day n, staying inside the month (1W on a Saturday is Monday the
     * 3rd, not Friday of the month before). Months without a day n do not fire.
     */
    record NearestWeekday(int day) implements DayMatcher {
        @Override
        public boolean matches(LocalDate date) {
            int length = date.lengthOfMonth();
            if (day > length) {
                return false;
            }
            int nearest = switch (date.withDayOfMonth(day).getDayOfWeek()) {
                case SATURDAY -> day == 1 ? day + 2 : day - 1;
                case SUNDAY -> day == length ? day - 2 : day + 1;
                default -> day;
            };
            return date.getDayOfMonth() == nearest;
        }
    }

    /** {@code LW}: the last weekday (Mon-Fri) of the month. */
    record LastWeekdayOfMonth() implements DayMatcher {
        @Override
        public boolean matches(LocalDate date) {
            LocalDate last = date.withDayOfMonth(date.lengthOfMonth());
            while (last.getDayOfWeek() == DayOfWeek.SATURDAY || last.getDayOfWeek() == DayOfWeek.SUNDAY) {
                last = last.minusDays(1);
            }
            return date.equals(last);
        }
    }

    /** Plain days of the week in cron numbering (1 = SUN ... 7 = SAT); {@code L} alone is 7. */
    record DaysOfWeek(BitSet cronDays) implements DayMatcher {
        @Override
        public boolean matches(LocalDate date) {
            return cronDays.get(cronDayOfWeek(date));
        }
    }

    /** {@code d#n}: the n-th such weekday of the month; a month without a fifth one does not fire for n = 5. */
    record NthDayOfWeek(int cronDay, int nth) implements DayMatcher {
        @Override
        public boolean matches(LocalDate date) {
            return cronDayOfWeek(date) == cronDay && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
    }

    /** {@code dL}: the last such weekday of the month. */
    record LastDayOfWeekInMonth(int cronDay) implements DayMatcher {
        @Override
        public boolean matches(LocalDate date) {
            return cronDayOfWeek(date) == cronDay && date.getDayOfMonth() + 7 > date.lengthOfMonth();
        }
    }

    /** A comma list mixing plain values with {@code L}/{@code W} forms: any one of them. */
    record AnyOf(List<DayMatcher> choices) implements DayMatcher {
        @Override
        public boolean matches(LocalDate date) {
            return choices.stream().anyMatch(choice -> choice.matches(date));
        }
    }
}
