package com.campaignmanager.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected instants checked against a calendar; all times UTC. */
class ScheduleExpressionTest {
    private static final Instant UNUSED_ANCHOR = Instant.parse("2000-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # Every hour on the hour: strictly after, and across a year boundary.
            cron(0 * * * ? *)              | 2025-01-01T10:00:00Z     | 2025-01-01T11:00:00Z
            cron(0 * * * ? *)              | 2025-01-01T10:59:59.999Z | 2025-01-01T11:00:00Z
            cron(0 * * * ? *)              | 2025-12-31T23:30:00Z     | 2026-01-01T00:00:00Z
            cron(0 * ? * * *)              | 2025-01-01T10:00:00Z     | 2025-01-01T11:00:00Z
            # Every minute: seconds and nanos in `after` round up to the next whole minute.
            cron(* * * * ? *)              | 2025-01-01T10:00:00Z     | 2025-01-01T10:01:00Z
            cron(* * * * ? *)              | 2025-01-01T10:00:00.5Z   | 2025-01-01T10:01:00Z
            # Weekdays at 09:00 (2025-01-03 is a Friday).
            cron(0 9 ? * MON-FRI *)        | 2025-01-03T08:59:00Z     | 2025-01-03T09:00:00Z
            cron(0 9 ? * MON-FRI *)        | 2025-01-03T09:00:00Z     | 2025-01-06T09:00:00Z
            cron(0 9 ? * 2-6 *)            | 2025-01-03T09:00:00Z     | 2025-01-06T09:00:00Z
            # Every 5 minutes in office hours on weekdays.
            cron(0/5 8-17 ? * MON-FRI *)   | 2025-01-06T07:00:00Z     | 2025-01-06T08:00:00Z
            cron(0/5 8-17 ? * MON-FRI *)   | 2025-01-06T08:02:00Z     | 2025-01-06T08:05:00Z
            cron(0/5 8-17 ? * MON-FRI *)   | 2025-01-06T17:54:59Z     | 2025-01-06T17:55:00Z
            cron(0/5 8-17 ? * MON-FRI *)   | 2025-01-03T17:55:00Z     | 2025-01-06T08:00:00Z
            # Steps: */n from the field's start, a/n from a, a-b/n inside the range.
            cron(*/15 * * * ? *)           | 2025-01-01T10:46:00Z     | 2025-01-01T11:00:00Z
            cron(7/20 * * * ? *)           | 2025-01-01T10:28:00Z     | 2025-01-01T10:47:00Z
            cron(7/20 * * * ? *)           | 2025-01-01T10:47:00Z     | 2025-01-01T11:07:00Z
            cron(10-50/10 * * * ? *)       | 2025-01-01T10:05:00Z     | 2025-01-01T10:10:00Z
            cron(10-50/10 * * * ? *)       | 2025-01-01T10:50:00Z     | 2025-01-01T11:10:00Z
            cron(0 0 1 */3 ? *)            | 2025-10-01T00:00:00Z     | 2026-01-01T00:00:00Z
            cron(0 0 1 1 ? 2024/4)         | 2025-06-01T00:00:00Z     | 2028-01-01T00:00:00Z
            # Lists.
            cron(0 8,20 1,15 * ? *)        | 2025-01-01T08:00:00Z     | 2025-01-01T20:00:00Z
            cron(0 8,20 1,15 * ? *)        | 2025-01-15T20:00:00Z     | 2025-02-01T08:00:00Z
            cron(0 9 ? * MON,WED,FRI *)    | 2025-01-06T09:00:00Z     | 2025-01-08T09:00:00Z
            # Ranges that wrap around the end of the field.
            cron(0 22-2 * * ? *)           | 2025-01-01T02:00:00Z     | 2025-01-01T22:00:00Z
            cron(0 22-2 * * ? *)           | 2025-01-01T23:00:00Z     | 2025-01-02T00:00:00Z
            cron(0 12 ? * FRI-MON *)       | 2025-01-06T12:00:00Z     | 2025-01-10T12:00:00Z
            cron(0 0 1 NOV-FEB ? *)        | 2025-02-01T00:00:00Z     | 2025-11-01T00:00:00Z
            # Names in any case.
            cron(0 9 ? jan Mon *)          | 2025-01-06T09:00:00Z     | 2025-01-13T09:00:00Z
            cron(0 9 ? jan Mon *)          | 2025-01-27T09:00:00Z     | 2026-01-05T09:00:00Z
            # Day 31 skips shorter months; Feb 29 waits for a leap year.
            cron(0 0 31 * ? *)             | 2025-01-31T00:00:00Z     | 2025-03-31T00:00:00Z
            cron(0 12 29 2 ? *)            | 2024-02-29T12:00:00Z     | 2028-02-29T12:00:00Z
            cron(0 12 29 FEB ? *)          | 2025-01-01T00:00:00Z     | 2028-02-29T12:00:00Z
            # L in day-of-month: last day of the month, leap February included.
            cron(0 0 L * ? *)              | 2024-02-01T00:00:00Z     | 2024-02-29T00:00:00Z
            cron(0 0 L * ? *)              | 2025-02-01T00:00:00Z     | 2025-02-28T00:00:00Z
            cron(0 0 L * ? *)              | 2024-02-29T00:00:00Z     | 2024-03-31T00:00:00Z
            cron(0 0 L * ? *)              | 2025-04-15T00:00:00Z     | 2025-04-30T00:00:00Z
            cron(0 0 L * ? *)              | 2025-12-31T00:00:00Z     | 2026-01-31T00:00:00Z
            cron(0 0 L-2 * ? *)            | 2024-02-01T00:00:00Z     | 2024-02-27T00:00:00Z
            cron(0 0 L-2 * ? *)            | 2025-02-01T00:00:00Z     | 2025-02-26T00:00:00Z
            # L in day-of-week: alone it is Saturday; 6L is the last Friday of the month.
            cron(0 0 ? * L *)              | 2025-01-01T00:00:00Z     | 2025-01-04T00:00:00Z
            cron(0 10 ? * 6L *)            | 2025-01-01T00:00:00Z     | 2025-01-31T10:00:00Z
            cron(0 10 ? * 6L *)            | 2025-01-31T10:00:00Z     | 2025-02-28T10:00:00Z
            cron(0 10 ? * FRIL *)          | 2025-03-01T00:00:00Z     | 2025-03-28T10:00:00Z
            cron(0 10 ? * 1L *)            | 2024-02-01T00:00:00Z     | 2024-02-25T10:00:00Z
            # W: nearest weekday, never leaving the month.
            cron(0 8 15W * ? *)            | 2025-03-01T00:00:00Z     | 2025-03-14T08:00:00Z
            cron(0 8 15W * ? *)            | 2025-06-01T00:00:00Z     | 2025-06-16T08:00:00Z
            cron(0 8 15W * ? *)            | 2025-04-01T00:00:00Z     | 2025-04-15T08:00:00Z
            cron(0 8 15W * ? *)            | 2025-03-14T08:00:00Z     | 2025-04-15T08:00:00Z
            cron(0 8 1W * ? *)             | 2025-01-31T00:00:00Z     | 2025-02-03T08:00:00Z
            cron(0 8 31W * ? *)            | 2025-08-01T00:00:00Z     | 2025-08-29T08:00:00Z
            cron(0 8 31W * ? *)            | 2025-08-29T08:00:00Z     | 2025-10-31T08:00:00Z
            cron(0 8 30W * ? *)            | 2025-01-30T08:00:00Z     | 2025-03-31T08:00:00Z
            # LW: last weekday of the month.
            cron(0 18 LW * ? *)            | 2025-05-01T00:00:00Z     | 2025-05-30T18:00:00Z
            cron(0 18 LW * ? *)            | 2025-08-01T00:00:00Z     | 2025-08-29T18:00:00Z
            cron(0 18 LW * ? *)            | 2025-09-01T00:00:00Z     | 2025-09-30T18:00:00Z
            # #: the n-th weekday; months without a fifth Friday are skipped.
            cron(0 10 ? * 2#1 *)           | 2025-01-01T00:00:00Z     | 2025-01-06T10:00:00Z
            cron(0 10 ? * 2#1 *)           | 2025-01-06T10:00:00Z     | 2025-02-03T10:00:00Z
            cron(0 10 ? * MON#1 *)         | 2025-09-01T10:00:00Z     | 2025-10-06T10:00:00Z
            cron(0 9 ? * 6#3 *)            | 2025-01-01T00:00:00Z     | 2025-01-17T09:00:00Z
            cron(0 9 ? * 6#5 *)            | 2025-01-01T00:00:00Z     | 2025-01-31T09:00:00Z
            cron(0 9 ? * 6#5 *)            | 2025-01-31T09:00:00Z     | 2025-05-30T09:00:00Z
            # Day-of-month lists may mix plain days with L and W.
            cron(0 0 1,L * ? *)            | 2025-02-01T00:00:00Z     | 2025-02-28T00:00:00Z
            cron(0 0 1,L * ? *)            | 2025-02-28T00:00:00Z     | 2025-03-01T00:00:00Z
            # Year field: future years wait, past years never fire again.
            cron(0 0 1 1 ? 2030)           | 2025-06-01T00:00:00Z     | 2030-01-01T00:00:00Z
            cron(0 0 1 1 ? 2020)           | 2025-06-01T00:00:00Z     |
            cron(0 0 1 1 ? 2025-2026)      | 2026-01-01T00:00:00Z     |
            cron(0 0 31 12 ? 2199)         | 2199-12-31T00:00:00Z     |
            cron(0 0 1 1 ? *)              | 2199-06-01T00:00:00Z     |
            cron(0 0 1 1 ? *)              | 1960-01-01T00:00:00Z     | 1970-01-01T00:00:00Z
            # A date that never exists never fires (and the search still ends quickly).
            cron(0 0 30 2 ? *)             | 2025-01-01T00:00:00Z     |
            cron(0 0 ? 2 6#5 2025-2027)    | 2025-01-01T00:00:00Z     |
            # Whitespace between fields is free; one row separates fields with a tab (text blocks translate \\t).
            cron(  0   9  ?  *  MON-FRI  * )  | 2025-01-03T09:00:00Z  | 2025-01-06T09:00:00Z
            cron(0\t9 ? * MON-FRI *)       | 2025-01-03T09:00:00Z     | 2025-01-06T09:00:00Z
            """)
    void cronFiresAtTheExpectedInstant(String expression, Instant after, Instant expected) {
        ScheduleExpression schedule = ScheduleExpression.parse(expression);

        assertThat(schedule.isRate()).isFalse();
        assertThat(schedule.nextAfter(after, UNUSED_ANCHOR)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} anchored {1}, after {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            rate(1 minute)     | 2025-01-01T00:00:00Z | 2025-01-01T00:00:00Z   | 2025-01-01T00:01:00Z
            rate(1 minute)     | 2025-01-01T00:00:00Z | 2025-01-01T00:00:30Z   | 2025-01-01T00:01:00Z
            rate(1 minute)     | 2025-01-01T00:00:00Z | 2025-01-01T00:01:00Z   | 2025-01-01T00:02:00Z
            rate(1 minute)     | 2025-01-01T00:00:00Z | 2024-12-31T23:00:00Z   | 2025-01-01T00:01:00Z
            # The phase comes from the anchor, seconds included.
            rate(5 minutes)    | 2025-01-01T00:00:30Z | 2025-01-01T00:12:00Z   | 2025-01-01T00:15:30Z
            rate(5 minutes)    | 2025-01-01T00:00:30Z | 2025-01-01T00:15:30Z   | 2025-01-01T00:20:30Z
            rate(1 hour)       | 2025-01-01T10:17:00Z | 2025-01-01T13:17:00Z   | 2025-01-01T14:17:00Z
            rate(12 hours)     | 2025-01-01T10:00:00Z | 2025-01-02T09:59:59Z   | 2025-01-02T10:00:00Z
            rate(1 day)        | 2025-12-31T06:00:00Z | 2025-12-31T06:00:00Z   | 2026-01-01T06:00:00Z
            rate(2 days)       | 2024-02-27T06:00:00Z | 2024-02-28T00:00:00Z   | 2024-02-29T06:00:00Z
            rate(2 days)       | 2024-02-27T06:00:00Z | 2024-02-29T06:00:00Z   | 2024-03-02T06:00:00Z
            # Many periods later, without stepping through each one.
            rate(7 minutes)    | 2025-01-01T00:00:00Z | 2125-01-01T00:00:00Z   | 2125-01-01T00:03:00Z
            rate(  3   hours ) | 2025-01-01T00:00:00Z | 2025-01-01T04:00:00Z   | 2025-01-01T06:00:00Z
            """)
    void rateFiresAtAnchorPlusWholePeriods(String expression, Instant anchor, Instant after, Instant expected) {
        ScheduleExpression schedule = ScheduleExpression.parse(expression);

        assertThat(schedule.isRate()).isTrue();
        assertThat(schedule.nextAfter(after, anchor)).isEqualTo(expected);
    }

    @Test
    void successiveFiresFollowTheSchedule() {
        ScheduleExpression schedule = ScheduleExpression.parse("cron(0/20 17 ? * MON-FRI *)");
        List<Instant> fires = new ArrayList<>();
        Instant after = Instant.parse("2025-01-03T17:30:00Z"); // Friday
        for (int i = 0; i < 4; i++) {
            after = schedule.nextAfter(after, UNUSED_ANCHOR);
            fires.add(after);
        }

        assertThat(fires).containsExactly(
                Instant.parse("2025-01-03T17:40:00Z"),
                Instant.parse("2025-01-06T17:00:00Z"),
                Instant.parse("2025-01-06T17:20:00Z"),
                Instant.parse("2025-01-06T17:40:00Z"));
    }

    @Test
    void keepsTheExpressionText() {
        ScheduleExpression schedule = ScheduleExpression.parse("  cron(0 9 ? * MON-FRI *) ");

        assertThat(schedule.expression()).isEqualTo("cron(0 9 ? * MON-FRI *)");
        assertThat(schedule).hasToString("cron(0 9 ? * MON-FRI *)");
        assertThat(ScheduleExpression.parse("rate(5 minutes)").expression()).isEqualTo("rate(5 minutes)");
    }

    @Test
    void rateNeedsAnAnchorButCronDoesNot() {
        Instant after = Instant.parse("2025-01-01T00:00:00Z");

        assertThat(ScheduleExpression.parse("cron(0 * * * ? *)").nextAfter(after, null))
                .isEqualTo(Instant.parse("2025-01-01T01:00:00Z"));
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 hour)").nextAfter(after, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("anchor");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("invalidExpressions")
    void rejectsInvalidExpressionsSayingWhatAndWhere(String expression, List<String> messageParts) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
    }

    static Stream<Arguments> invalidExpressions() {
        return Stream.of(
                invalid("cron(* * * * * *)", "'*' cannot be used in both day-of-month (field 3) and day-of-week"),
                invalid("cron(0 0 ? * ? *)", "cannot both be '?'"),
                invalid("cron(0 0 1 * MON *)", "one of day-of-month (field 3, \"1\") and day-of-week (field 5, \"MON\") must be '?'"),
                invalid("cron(0 9 * * ?)", "exactly 6 fields", "has 5", "year field"),
                invalid("cron(0 9 * * ? * 2025)", "exactly 6 fields", "has 7"),
                invalid("cron()", "exactly 6 fields", "has 0"),
                invalid("rate(0 minutes)", "must be positive"),
                invalid("rate(1 minutes)", "singular", "rate(1 minute)"),
                invalid("rate(1 hours)", "singular", "rate(1 hour)"),
                invalid("rate(5 minute)", "plural", "rate(5 minutes)"),
                invalid("rate(2 day)", "plural", "rate(2 days)"),
                invalid("rate(5 weeks)", "unit \"weeks\"", "minute, minutes, hour, hours, day, days"),
                invalid("rate(-5 minutes)", "\"-5\" must be a positive whole number"),
                invalid("rate(1.5 hours)", "\"1.5\" must be a positive whole number"),
                invalid("rate(5)", "a value and a unit"),
                invalid("rate()", "a value and a unit"),
                invalid("rate(99999999999 minutes)", "too large"),
                invalid("cron(60 * * * ? *)", "minutes (field 1) \"60\"", "60 is outside 0-59"),
                invalid("cron(0 24 * * ? *)", "hours (field 2) \"24\"", "24 is outside 0-23"),
                invalid("cron(0 0 0 * ? *)", "day-of-month (field 3) \"0\"", "0 is outside 1-31"),
                invalid("cron(0 0 32 * ? *)", "day-of-month (field 3)", "32 is outside 1-31"),
                invalid("cron(0 0 1 13 ? *)", "month (field 4) \"13\"", "13 is outside 1-12"),
                invalid("cron(0 0 1 FOO ? *)", "month (field 4)", "\"FOO\" is not a number 1-12 or a name JAN-DEC"),
                invalid("cron(0 0 ? * 8 *)", "day-of-week (field 5) \"8\"", "8 is outside 1-7"),
                invalid("cron(0 0 ? * 0 *)", "day-of-week (field 5)", "0 is outside 1-7"),
                invalid("cron(0 0 ? * MON-XYZ *)", "day-of-week (field 5)", "\"XYZ\" is not a number 1-7 or a name SUN-SAT"),
                invalid("cron(0 0 1 * ? 1969)", "year (field 6)", "1969 is outside 1970-2199"),
                invalid("cron(0 0 1 * ? 2200)", "year (field 6)", "2200 is outside 1970-2199"),
                invalid("cron(0 0 1 * ? 2030-2025)", "year (field 6)", "runs backwards"),
                invalid("cron(0/0 * * * ? *)", "minutes (field 1)", "step 0 must be 1-60"),
                invalid("cron(*/x * * * ? *)", "minutes (field 1)", "step after '/' \"x\" is not a whole number"),
                invalid("cron(0 0 1,,2 * ? *)", "day-of-month (field 3)", "empty entry"),
                invalid("cron(0 0 1- * ? *)", "day-of-month (field 3)", "a value is missing"),
                invalid("cron(0 L * * ? *)", "hours (field 2) \"L\"", "\"L\" is not a number 0-23"),
                invalid("cron(0 0 1 ? * *)", "month (field 4)", "'?' is only allowed in day-of-month and day-of-week"),
                invalid("cron(0 0 1,? * ? *)", "day-of-month (field 3)", "'?' must be the whole field"),
                invalid("cron(0 0 32W * ? *)", "day-of-month (field 3) \"32W\"", "32 is outside 1-31"),
                invalid("cron(0 0 L-31 * ? *)", "day-of-month (field 3)", "must count 1-30 days back"),
                invalid("cron(0 0 ? * 3#1,6#3 *)", "day-of-week (field 5)", "'#' allows only one expression"),
                invalid("cron(0 0 ? * 6#6 *)", "day-of-week (field 5)", "must be 1-5"),
                invalid("cron(0 0 ? * 6#0 *)", "day-of-week (field 5)", "must be 1-5"),
                invalid("cron(0 0 ? * 9L *)", "day-of-week (field 5)", "9 is outside 1-7"),
                invalid("cron 0 9 * * ? *", "expected rate(value unit)"),
                invalid("every 5 minutes", "expected rate(value unit)", "cron(minutes hours"),
                invalid("CRON(0 9 * * ? *)", "expected rate(value unit)"),
                invalid("", "expected rate(value unit)"),
                invalid(null, "missing"));
    }

    private static Arguments invalid(String expression, String... messageParts) {
        return Arguments.of(expression, List.of(messageParts));
    }
}
