package com.campaignmanager.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A function invocation failed: what Lambda would report as {@code errorType} and {@code errorMessage}. */
public final class FunctionError extends Exception {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String errorType;

    public FunctionError(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }

    /** Lambda's error document. */
    public String toJson() {
        ObjectNode error = JSON.createObjectNode()
                .put("errorType", errorType)
                .put("errorMessage", String.valueOf(getMessage()));
        return error.toString();
    }
}
