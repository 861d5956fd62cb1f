package com.campaignmanager.local.serve;

import com.campaignmanager.local.lambda.FunctionError;
import com.campaignmanager.local.lambda.InProcessFunctions;
import com.campaignmanager.local.schedule.ScheduleExpression;
import com.campaignmanager.local.template.ScheduleDefinition;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fires the template's {@code Schedule} events as EventBridge would (UTC, same expressions), each with an
 * EventBridge "Scheduled Event" payload, and fires one on demand.
 */
final class LocalScheduler implements AutoCloseable {
    private final InProcessFunctions functions;
    private final List<ScheduleDefinition> schedules;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "local-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final Instant anchor = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    LocalScheduler(InProcessFunctions functions) {
        this.functions = functions;
        this.schedules = functions.template().schedules();
        for (ScheduleDefinition schedule : schedules) {
            // Fail at start on an expression EventBridge would refuse.
            ScheduleExpression.parse(schedule.expression());
        }
    }

    List<ScheduleDefinition> schedules() {
        return schedules;
    }

    void start() {
        for (ScheduleDefinition schedule : schedules) {
            if (schedule.enabled()) {
                scheduleNext(schedule, ScheduleExpression.parse(schedule.expression()), Instant.now());
            }
        }
    }

    Optional<Instant> nextFire(ScheduleDefinition schedule) {
        return Optional.ofNullable(ScheduleExpression.parse(schedule.expression()).nextAfter(Instant.now(), anchor));
    }

    private void scheduleNext(ScheduleDefinition schedule, ScheduleExpression expression, Instant after) {
        Instant next = expression.nextAfter(after, anchor);
        if (next == null || executor.isShutdown()) {
            return;
        }
        long delay = Math.max(0, Duration.between(Instant.now(), next).toMillis());
        executor.schedule(() -> {
            fire(schedule, next);
            scheduleNext(schedule, expression, next);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Fires the function's (first) schedule now; empty when the function has no schedule. */
    Optional<byte[]> fireNow(String logicalId) {
        return schedules.stream()
                .filter(s -> s.functionLogicalId().equals(logicalId))
                .findFirst()
                .map(schedule -> fire(schedule, Instant.now()));
    }

    private byte[] fire(ScheduleDefinition schedule, Instant time) {
        try {
            byte[] response = functions.invoke(schedule.functionLogicalId(), event(schedule, time));
            System.out.println("schedule " + schedule.functionLogicalId() + "/" + schedule.eventName() + " ("
                    + schedule.expression() + ") ran at " + time);
            return response;
        } catch (FunctionError e) {
            System.err.println("schedule " + schedule.functionLogicalId() + "/" + schedule.eventName() + " failed: "
                    + e.errorType() + ": " + e.getMessage());
            return e.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            System.err.println("schedule " + schedule.functionLogicalId() + " could not run: " + e);
            return new FunctionError(e.getClass().getName(), e.getMessage(), e).toJson()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** EventBridge's "Scheduled Event". */
    byte[] event(ScheduleDefinition schedule, Instant time) {
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", "us-east-1");
        event.putArray("resources").add("arn:aws:events:us-east-1:000000000000:rule/campaign-manager-local-"
                + schedule.functionLogicalId() + "-" + schedule.eventName());
        event.putObject("detail");
        try {
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
