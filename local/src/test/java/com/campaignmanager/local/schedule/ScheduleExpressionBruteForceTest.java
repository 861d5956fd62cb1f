package com.campaignmanager.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the day/hour/minute search in {@code nextAfter} against a plain minute-by-minute scan over a bounded window,
 * for seeded random expressions. Both use the same field semantics ({@link CronSchedule#matches}); the semantics
 * themselves are pinned down by the concrete instants in {@link ScheduleExpressionTest}.
 */
class ScheduleExpressionBruteForceTest {
    private static final long SEED = 20250101L;
    private static final int EXPRESSIONS = 60;
    private static final int FIRES_PER_EXPRESSION = 3;
    private static final long WINDOW_MINUTES = 60L * 24 * 100;

    private static final List<String> MINUTES = List.of("*", "0", "*/7", "5/15", "10-20", "50-10/5", "0,30", "59");
    private static final List<String> HOURS = List.of("*", "0", "*/5", "22-3", "9-17", "12", "23");
    private static final List<String> DAYS_OF_MONTH = List.of(
            "*", "1", "L", "LW", "15W", "1W", "31W", "L-3", "1-7", "*/10", "29", "31", "1,L", "28-3", "30W,5");
    private static final List<String> MONTHS = List.of("*", "*", "FEB", "2", "*/4", "NOV-FEB", "1,6,12");
    private static final List<String> DAYS_OF_WEEK = List.of(
            "*", "MON-FRI", "L", "6L", "1#5", "2#1", "FRI-MON", "*/3", "SUN", "tue,7L");
    private static final List<String> YEARS = List.of("*", "*", "2024-2026", "2025/2");

    @Test
    void nextAfterMatchesAMinuteByMinuteScan() {
        Random random = new Random(SEED);
        for (int i = 0; i < EXPRESSIONS; i++) {
            boolean byDayOfMonth = random.nextBoolean();
            String fields = String.join(" ",
                    pick(random, MINUTES),
                    pick(random, HOURS),
                    byDayOfMonth ? pick(random, DAYS_OF_MONTH) : "?",
                    pick(random, MONTHS),
                    byDayOfMonth ? "?" : pick(random, DAYS_OF_WEEK),
                    pick(random, YEARS));
            String expression = "cron(" + fields + ")";
            ScheduleExpression schedule = ScheduleExpression.parse(expression);
            CronSchedule cron = new CronParser(expression).parse(fields);

            Instant after = Instant.parse("2024-01-01T00:00:00Z")
                    .plusSeconds(random.nextInt(3 * 365 * 24 * 3600));
            for (int fire = 0; fire < FIRES_PER_EXPRESSION; fire++) {
                Instant expected = scan(cron, after);
                Instant actual = schedule.nextAfter(after, null);
                if (expected != null) {
                    assertThat(actual).as("%s after %s", expression, after).isEqualTo(expected);
                } else {
                    Instant windowEnd = after.plus(WINDOW_MINUTES, ChronoUnit.MINUTES);
                    assertThat(actual).as("%s after %s: nothing inside the window", expression, after)
                            .satisfiesAnyOf(
                                    next -> assertThat(next).isNull(),
                                    next -> assertThat(next).isAfter(windowEnd));
                    break;
                }
                after = expected;
            }
        }
    }

    private static Instant scan(CronSchedule cron, Instant after) {
        LocalDateTime minute = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        for (long i = 0; i < WINDOW_MINUTES; i++) {
            minute = minute.plusMinutes(1);
            if (cron.matches(minute)) {
                return minute.toInstant(ZoneOffset.UTC);
            }
        }
        return null;
    }

    private static String pick(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
