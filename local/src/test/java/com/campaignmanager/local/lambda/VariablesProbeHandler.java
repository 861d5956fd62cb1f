package com.campaignmanager.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignmanager.shared.config.Environment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A test function: given a JSON array of variable names, answers with those it sees, as shared code reads them. */
public final class VariablesProbeHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Environment environment = Environment.system();
        ObjectNode seen = JSON.createObjectNode();
        for (JsonNode name : JSON.readTree(input)) {
            environment.optional(name.asText()).ifPresent(value -> seen.put(name.asText(), value));
        }
        JSON.writeValue(output, seen);
    }
}
