package com.campaignmanager.shared.json;

import com.campaignmanager.shared.db.StorableText;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;

/**
 * JSON a client sent, read into a tree that is safe to use: every way the text can be unusable is a
 * {@link MalformedJsonException} written for the client. Syntax errors give their line and column; the parser's
 * limits (number length, nesting depth, name length), which Jackson reports without a location, say which limit;
 * text the database cannot keep ({@link StorableText}) and numbers too large for a double name their field.
 */
public final class RequestJson {
    /** Unusable JSON; {@link #field()} is the path of the value at fault, or null when it is the body as a whole. */
    public static final class MalformedJsonException extends IllegalArgumentException {
        private final String field;

        MalformedJsonException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private RequestJson() {
    }

    /** The tree of {@code text}; {@code MissingNode} when the text is blank. */
    public static JsonNode parse(ObjectMapper json, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(null, describe(json, e));
        }
        check(root, "");
        return root;
    }

    private static String describe(ObjectMapper json, JsonProcessingException e) {
        Optional<StreamConstraintsException> limit = constraint(e);
        if (limit.isPresent()) {
            return exceeded(json.getFactory().streamReadConstraints(), limit.get().getOriginalMessage());
        }
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "the body is not valid JSON";
        }
        return "the body is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Jackson names the limit only in its message, by the getter of the constraint. */
    private static String exceeded(StreamReadConstraints limits, String message) {
        String text = message == null ? "" : message;
        if (text.contains("getMaxNestingDepth")) {
            return "the body nests deeper than " + limits.getMaxNestingDepth() + " levels";
        }
        if (text.contains("getMaxNumberLength")) {
            return "a number in the body is longer than " + limits.getMaxNumberLength() + " characters";
        }
        if (text.contains("getMaxNameLength")) {
            return "a field name in the body is longer than " + limits.getMaxNameLength() + " characters";
        }
        if (text.contains("getMaxStringLength")) {
            return "a text value in the body is longer than " + limits.getMaxStringLength() + " characters";
        }
        return "the body is larger or deeper than this API reads";
    }

    private static Optional<StreamConstraintsException> constraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException limit) {
                return Optional.of(limit);
            }
        }
        return Optional.empty();
    }

    /** Depth-first; the parser has already bounded the depth. */
    private static void check(JsonNode node, String path) {
        if (node.isTextual()) {
            StorableText.problem(node.textValue()).ifPresent(problem -> {
                throw new MalformedJsonException(path.isEmpty() ? "body" : path, problem);
            });
        } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw new MalformedJsonException(path.isEmpty() ? "body" : path, "is a number too large to use");
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Optional<String> problem = StorableText.problem(field.getKey());
                if (problem.isPresent()) {
                    throw new MalformedJsonException(path.isEmpty() ? "body" : path, "has a field name that "
                            + problem.get());
                }
                check(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
