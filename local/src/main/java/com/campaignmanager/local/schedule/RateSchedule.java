package com.campaignmanager.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** {@code rate(value unit)}: fires every {@code period}, counted from when the schedule was created. */
record RateSchedule(Duration period) implements Schedule {

    /** @param body what is between the parentheses, e.g. {@code "5 minutes"} */
    static RateSchedule parse(String expression, String body) {
        String[] parts = body.strip().split("\\s+");
        if (body.isBlank() || parts.length != 2) {
            throw ScheduleExpression.invalid(expression,
                    "rate needs a value and a unit separated by a space, e.g. rate(1 hour) or rate(5 minutes)");
        }
        String valueText = parts[0];
        String unitText = parts[1];
        if (!valueText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ScheduleExpression.invalid(expression,
                    "rate value \"" + valueText + "\" must be a positive whole number");
        }
        int value;
        try {
            value = Integer.parseInt(valueText);
        } catch (NumberFormatException tooLong) {
            throw ScheduleExpression.invalid(expression, "rate value " + valueText + " is too large");
        }
        if (value == 0) {
            throw ScheduleExpression.invalid(expression, "rate value must be positive, got 0");
        }
        ChronoUnit unit = switch (unitText) {
            case "minute", "minutes" -> ChronoUnit.MINUTES;
            case "hour", "hours" -> ChronoUnit.HOURS;
            case "day", "days" -> ChronoUnit.DAYS;
            default -> throw ScheduleExpression.invalid(expression,
                    "rate unit \"" + unitText + "\" must be one of minute, minutes, hour, hours, day, days");
        };
        // EventBridge insists on agreement: rate(1 minute) and rate(5 minutes), never rate(1 minutes) or rate(5 minute).
        boolean plural = unitText.endsWith("s");
        String singular = plural ? unitText.substring(0, unitText.length() - 1) : unitText;
        if (value == 1 && plural) {
            throw ScheduleExpression.invalid(expression,
                    "a rate of 1 needs the singular unit: rate(1 " + singular + ")");
        }
        if (value > 1 && !plural) {
            throw ScheduleExpression.invalid(expression,
                    "a rate above 1 needs the plural unit: rate(" + value + " " + singular + "s)");
        }
        return new RateSchedule(Duration.of(value, unit));
    }

    @Override
    public Instant nextAfter(Instant after, Instant anchor) {
        Objects.requireNonNull(anchor, "anchor (when the rate schedule was created) is required for rate expressions");
        if (after.isBefore(anchor)) {
            return anchor.plus(period);
        }
        long periodsElapsed = Duration.between(anchor, after).dividedBy(period);
        return anchor.plus(period.multipliedBy(periodsElapsed + 1));
    }
}
