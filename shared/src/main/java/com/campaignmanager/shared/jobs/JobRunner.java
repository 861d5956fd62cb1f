package com.campaignmanager.shared.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.campaignmanager.shared.observability.Observability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * What every scheduled job does around its work: read the EventBridge event (its id becomes the correlation id),
 * log and measure, and answer with the job's result as JSON. A job that throws fails the invocation, so
 * EventBridge retries it and finally dead-letters it.
 */
@Singleton
public final class JobRunner {
    private static final byte[] PRIMING_EVENT = ("{\"id\":\"priming\",\"detail-type\":\"Scheduled Event\","
            + "\"source\":\"aws.events\",\"detail\":{}}").getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper json;
    private final Observability observability;

    @Inject
    public JobRunner(ObjectMapper json, Observability observability) {
        this.json = json;
        this.observability = observability;
    }

    public void run(InputStream input, OutputStream output, Context context, Supplier<Object> job) throws IOException {
        JsonNode event = readEvent(input);
        String correlationId = event.path("id").isTextual() ? event.get("id").asText() : null;
        Object result = observability.around(context, correlationId, () -> {
            Object outcome = job.get();
            observability.count("JobRuns", 1);
            return outcome;
        });
        try {
            json.writeValue(output, result);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * For SnapStart priming: reads a scheduled event and writes a result through the job's JSON, as {@link #run}
     * does, without running the job or counting a run.
     */
    public void prime() {
        try {
            readEvent(new ByteArrayInputStream(PRIMING_EVENT));
            json.writeValue(OutputStream.nullOutputStream(), Map.of("status", "primed"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readEvent(InputStream input) throws IOException {
        byte[] bytes = input.readAllBytes();
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        return json.readTree(bytes);
    }
}
