package com.campaignmanager.local.lambda;

/** A function invocation failed: what Lambda would report as {@code errorType} and {@code errorMessage}. */
public final class FunctionError extends Exception {
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
        return "{\"errorType\":" + quote(errorType) + ",\"errorMessage\":" + quote(String.valueOf(getMessage())) + "}";
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
