package com.campaignmanager.local.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * An AWS EventBridge schedule expression, as written in a SAM {@code Schedule} event: {@code rate(value unit)} or
 * {@code cron(minutes hours day-of-month month day-of-week year)}, evaluated in UTC like EventBridge does, so the local
 * runner fires scheduled jobs when EventBridge would.
 *
 * <p>Beyond the documented syntax this accepts what the EventBridge console accepts in practice (Quartz-style):
 * {@code LW} and {@code L-n} in day-of-month, {@code nL} in day-of-week, and {@code /} in day-of-week.
 */
public final class ScheduleExpression {
    private final String expression;
    private final Schedule schedule;

    private ScheduleExpression(String expression, Schedule schedule) {
        this.expression = expression;
        this.schedule = schedule;
    }

    /** @throws IllegalArgumentException saying what is wrong and in which part of the expression */
    public static ScheduleExpression parse(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("Schedule expression is missing (null)");
        }
        String text = expression.strip();
        if (text.startsWith("rate(") && text.endsWith(")")) {
            return new ScheduleExpression(text, RateSchedule.parse(text, body(text, "rate(")));
        }
        if (text.startsWith("cron(") && text.endsWith(")")) {
            return new ScheduleExpression(text, new CronParser(text).parse(body(text, "cron(")));
        }
        throw invalid(text, "expected rate(value unit), e.g. rate(5 minutes), or "
                + "cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 9 ? * MON-FRI *)");
    }

    /**
     * The first fire time strictly after {@code after}, or null if the schedule never fires again (a cron whose year
     * field lies in the past). A rate fires at {@code anchor + k * period} for k >= 1, {@code anchor} being when the
     * schedule was created; a cron ignores {@code anchor}.
     */
    public Instant nextAfter(Instant after, Instant anchor) {
        Objects.requireNonNull(after, "after");
        return schedule.nextAfter(after, anchor);
    }

    /** The expression as given, without surrounding whitespace. */
    public String expression() {
        return expression;
    }

    public boolean isRate() {
        return schedule instanceof RateSchedule;
    }

    @Override
    public String toString() {
        return expression;
    }

    static IllegalArgumentException invalid(String expression, String problem) {
        return new IllegalArgumentException("Invalid schedule expression \"" + expression + "\": " + problem);
    }

    private static String body(String text, String opening) {
        return text.substring(opening.length(), text.length() - 1);
    }
}
