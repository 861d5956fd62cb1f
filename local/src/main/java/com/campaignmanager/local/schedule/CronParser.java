package com.campaignmanager.local.schedule;

import com.campaignmanager.local.schedule.DayMatcher.AnyOf;
import com.campaignmanager.local.schedule.DayMatcher.DaysOfMonth;
import com.campaignmanager.local.schedule.DayMatcher.DaysOfWeek;
import com.campaignmanager.local.schedule.DayMatcher.LastDayOfMonth;
import com.campaignmanager.local.schedule.DayMatcher.LastDayOfWeekInMonth;
import com.campaignmanager.local.schedule.DayMatcher.LastWeekdayOfMonth;
import com.campaignmanager.local.schedule.DayMatcher.NearestWeekday;
import com.campaignmanager.local.schedule.DayMatcher.NthDayOfWeek;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Parses the six fields of an EventBridge {@code cron(...)}: {@code , - * /} everywhere, {@code ? L W} in day-of-month,
 * {@code ? L #} in day-of-week, names (JAN-DEC, SUN-SAT) in any case. Ranges may wrap ({@code FRI-MON},
 * {@code 22-2}) except in the year field.
 */
final class CronParser {
    /** One cron field: its name and position for error messages, its value range, and its names if any. */
    private record Field(String name, int position, int min, int max, List<String> names) {
        int span() {
            return max - min + 1;
        }
    }

    private static final Field MINUTES = new Field("minutes", 1, 0, 59, List.of());
    private static final Field HOURS = new Field("hours", 2, 0, 23, List.of());
    private static final Field DAY_OF_MONTH = new Field("day-of-month", 3, 1, 31, List.of());
    private static final Field MONTH = new Field("month", 4, 1, 12,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"));
    private static final Field DAY_OF_WEEK = new Field("day-of-week", 5, 1, 7,
            List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));
    private static final Field YEAR = new Field("year", 6, CronSchedule.FIRST_YEAR, CronSchedule.LAST_YEAR, List.of());

    private final String expression;

    CronParser(String expression) {
        this.expression = expression;
    }

    /** @param body what is between the parentheses, e.g. {@code "0 9 ? * MON-FRI *"} */
    CronSchedule parse(String body) {
        String[] fields = body.isBlank() ? new String[0] : body.strip().split("\\s+");
        if (fields.length != 6) {
            throw ScheduleExpression.invalid(expression, "cron needs exactly 6 fields "
                    + "(minutes hours day-of-month month day-of-week year) but has " + fields.length
                    + (fields.length == 5 ? "; EventBridge requires the year field, e.g. * at the end" : ""));
        }
        BitSet minutes = values(MINUTES, fields[0]);
        BitSet hours = values(HOURS, fields[1]);
        BitSet months = values(MONTH, fields[3]);
        BitSet years = values(YEAR, fields[5]);
        return new CronSchedule(minutes, hours, months, years, days(fields[2], fields[4]));
    }

    /** EventBridge needs exactly one of day-of-month and day-of-week to be {@code ?}; the other one picks the days. */
    private DayMatcher days(String dayOfMonth, String dayOfWeek) {
        boolean anyDayOfMonth = dayOfMonth.equals("?");
        boolean anyDayOfWeek = dayOfWeek.equals("?");
        if (anyDayOfMonth && anyDayOfWeek) {
            throw ScheduleExpression.invalid(expression,
                    "day-of-month and day-of-week cannot both be '?'; exactly one of them must be '?'");
        }
        if (!anyDayOfMonth && !anyDayOfWeek) {
            if (dayOfMonth.equals("*") && dayOfWeek.equals("*")) {
                throw ScheduleExpression.invalid(expression, "'*' cannot be used in both day-of-month (field 3) "
                        + "and day-of-week (field 5); use '?' in one of them, e.g. cron(0 12 * * ? *)");
            }
            throw ScheduleExpression.invalid(expression, "one of day-of-month (field 3, \"" + dayOfMonth
                    + "\") and day-of-week (field 5, \"" + dayOfWeek + "\") must be '?'");
        }
        return anyDayOfMonth ? daysOfWeek(dayOfWeek) : daysOfMonth(dayOfMonth);
    }

    private DayMatcher daysOfMonth(String text) {
        List<DayMatcher> choices = new ArrayList<>();
        BitSet plainDays = new BitSet();
        for (String term : terms(DAY_OF_MONTH, text)) {
            String upper = term.toUpperCase(Locale.ROOT);
            if (upper.equals("L")) {
                choices.add(new LastDayOfMonth(0));
            } else if (upper.equals("LW")) {
                choices.add(new LastWeekdayOfMonth());
            } else if (upper.startsWith("L-")) {
                int daysBeforeLast = number(DAY_OF_MONTH, text, upper.substring(2), "days before the last day");
                if (daysBeforeLast < 1 || daysBeforeLast > 30) {
                    throw fieldError(DAY_OF_MONTH, text, "L-" + daysBeforeLast + " must count 1-30 days back");
                }
                choices.add(new LastDayOfMonth(daysBeforeLast));
            } else if (upper.endsWith("W")) {
                choices.add(new NearestWeekday(value(DAY_OF_MONTH, text, upper.substring(0, upper.length() - 1))));
            } else {
                addValues(DAY_OF_MONTH, text, term, plainDays);
            }
        }
        if (!plainDays.isEmpty()) {
            choices.add(new DaysOfMonth(plainDays));
        }
        return choices.size() == 1 ? choices.get(0) : new AnyOf(List.copyOf(choices));
    }

    private DayMatcher daysOfWeek(String text) {
        if (text.contains("#")) {
            // Documented: with '#' the day-of-week field holds that one expression only ("3#1,6#3" is invalid).
            if (text.contains(",")) {
                throw fieldError(DAY_OF_WEEK, text, "'#' allows only one expression in the field, not a list");
            }
            String[] parts = text.split("#", -1);
            if (parts.length != 2) {
                throw fieldError(DAY_OF_WEEK, text, "expected weekday#n, e.g. 6#3 for the third Friday");
            }
            int cronDay = value(DAY_OF_WEEK, text, parts[0]);
            int nth = number(DAY_OF_WEEK, text, parts[1], "occurrence after '#'");
            if (nth < 1 || nth > 5) {
                throw fieldError(DAY_OF_WEEK, text, "occurrence after '#' must be 1-5, got " + nth);
            }
            return new NthDayOfWeek(cronDay, nth);
        }
        List<DayMatcher> choices = new ArrayList<>();
        BitSet plainDays = new BitSet();
        for (String term : terms(DAY_OF_WEEK, text)) {
            String upper = term.toUpperCase(Locale.ROOT);
            if (upper.equals("L")) {
                plainDays.set(7); // 'L' alone is the last day of the week: Saturday
            } else if (upper.endsWith("L")) {
                choices.add(new LastDayOfWeekInMonth(value(DAY_OF_WEEK, text, upper.substring(0, upper.length() - 1))));
            } else {
                addValues(DAY_OF_WEEK, text, term, plainDays);
            }
        }
        if (!plainDays.isEmpty()) {
            choices.add(new DaysOfWeek(plainDays));
        }
        return choices.size() == 1 ? choices.get(0) : new AnyOf(List.copyOf(choices));
    }

    private BitSet values(Field field, String text) {
        BitSet values = new BitSet();
        for (String term : terms(field, text)) {
            addValues(field, text, term, values);
        }
        return values;
    }

    private List<String> terms(Field field, String text) {
        List<String> terms = List.of(text.split(",", -1));
        if (terms.contains("")) {
            throw fieldError(field, text, "empty entry in the comma list");
        }
        return terms;
    }

    /** Adds one term: {@code *}, {@code a}, {@code a-b}, each optionally with {@code /step}. */
    private void addValues(Field field, String fieldText, String term, BitSet values) {
        String range = term;
        int step = 1;
        boolean stepped = false;
        int slash = term.indexOf('/');
        if (slash >= 0) {
            range = term.substring(0, slash);
            step = number(field, fieldText, term.substring(slash + 1), "step after '/'");
            if (step < 1 || step > field.span()) {
                throw fieldError(field, fieldText, "step " + step + " must be 1-" + field.span());
            }
            stepped = true;
        }
        int start;
        int end;
        int dash = range.indexOf('-');
        if (range.equals("*")) {
            start = field.min();
            end = field.max();
        } else if (dash >= 0) {
            start = value(field, fieldText, range.substring(0, dash));
            end = value(field, fieldText, range.substring(dash + 1));
            if (start > end && field == YEAR) {
                throw fieldError(field, fieldText, "year range " + range + " runs backwards");
            }
        } else {
            start = value(field, fieldText, range);
            end = stepped ? field.max() : start; // "a/step" runs from a to the end of the field
        }
        // Ranges whose end is below their start wrap around (FRI-MON, 22-2), as in Quartz.
        int length = Math.floorMod(end - start, field.span());
        for (int offset = 0; offset <= length; offset += step) {
            values.set(field.min() + (start - field.min() + offset) % field.span());
        }
    }

    /** A single value: a number in the field's range, or one of its names in any case. */
    private int value(Field field, String fieldText, String token) {
        if (token.isEmpty()) {
            throw fieldError(field, fieldText, "a value is missing");
        }
        if (token.equals("?")) {
            throw fieldError(field, fieldText, field == DAY_OF_MONTH || field == DAY_OF_WEEK
                    ? "'?' must be the whole field, not part of a list or range"
                    : "'?' is only allowed in day-of-month and day-of-week");
        }
        if (isDigits(token)) {
            int value = number(field, fieldText, token, "value");
            if (value < field.min() || value > field.max()) {
                throw fieldError(field, fieldText, value + " is outside " + field.min() + "-" + field.max());
            }
            return value;
        }
        int nameIndex = field.names().indexOf(token.toUpperCase(Locale.ROOT));
        if (nameIndex >= 0) {
            return field.min() + nameIndex;
        }
        String allowed = field.names().isEmpty()
                ? "a number " + field.min() + "-" + field.max()
                : "a number " + field.min() + "-" + field.max() + " or a name " + field.names().get(0) + "-"
                        + field.names().get(field.names().size() - 1);
        throw fieldError(field, fieldText, "\"" + token + "\" is not " + allowed);
    }

    private int number(Field field, String fieldText, String token, String what) {
        if (!isDigits(token)) {
            throw fieldError(field, fieldText, what + " \"" + token + "\" is not a whole number");
        }
        if (token.length() > 6) {
            throw fieldError(field, fieldText, what + " " + token + " is too large");
        }
        return Integer.parseInt(token);
    }

    private static boolean isDigits(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private IllegalArgumentException fieldError(Field field, String fieldText, String problem) {
        return ScheduleExpression.invalid(expression,
                field.name() + " (field " + field.position() + ") \"" + fieldText + "\": " + problem);
    }
}
