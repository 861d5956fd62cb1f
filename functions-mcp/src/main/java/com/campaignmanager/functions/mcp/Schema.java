package com.campaignmanager.functions.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the tools, written as plain maps (what the SDK's {@code Tool} takes). Input schemas are closed
 * ({@code additionalProperties: false}, so a misspelt argument is refused); output schemas name what the result
 * holds and leave room for more.
 */
final class Schema {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final List<String> required = new ArrayList<>();
    private final boolean closed;

    private Schema(boolean closed) {
        this.closed = closed;
    }

    /** The arguments of a tool. */
    static Schema input() {
        return new Schema(true);
    }

    /** A result, or an object within one. */
    static Schema output() {
        return new Schema(false);
    }

    Schema required(String name, Map<String, Object> property) {
        properties.put(name, property);
        required.add(name);
        return this;
    }

    Schema optional(String name, Map<String, Object> property) {
        properties.put(name, property);
        return this;
    }

    /** The {@code limit} and {@code cursor} of a listing, as the API pages. */
    Schema paged() {
        return optional("limit", integer("How many items to return (1-" + ToolArguments.MAX_LIMIT + ", default "
                + ToolArguments.DEFAULT_LIMIT + ").", 1, ToolArguments.MAX_LIMIT))
                .optional("cursor", string("The nextCursor of the previous page, to get the items after it."));
    }

    Map<String, Object> build() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", new LinkedHashMap<>(properties));
        if (!required.isEmpty()) {
            schema.put("required", List.copyOf(required));
        }
        if (closed) {
            schema.put("additionalProperties", false);
        }
        return schema;
    }

    /** A page of {@code item}s: {@code {items, nextCursor}}. */
    static Map<String, Object> page(Map<String, Object> item) {
        return output().required("items", array("At most the limit asked for.", item))
                .required("nextCursor", nullable(string("Pass it as cursor to get the next page; null on the last.")))
                .build();
    }

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> text(String description, int maxLength) {
        return Map.of("type", "string", "description", description, "maxLength", maxLength);
    }

    static Map<String, Object> uuid(String description) {
        return Map.of("type", "string", "format", "uuid", "description", description);
    }

    static Map<String, Object> date(String description) {
        return Map.of("type", "string", "format", "date", "description", description + " (YYYY-MM-DD)");
    }

    static Map<String, Object> dateTime(String description) {
        return Map.of("type", "string", "format", "date-time",
                "description", description + " (ISO-8601 with its offset, e.g. 2025-10-03T09:00:00+02:00)");
    }

    static Map<String, Object> email(String description) {
        return Map.of("type", "string", "format", "email", "description", description);
    }

    static Map<String, Object> integer(String description) {
        return Map.of("type", "integer", "description", description);
    }

    static Map<String, Object> integer(String description, int minimum, int maximum) {
        return Map.of("type", "integer", "description", description, "minimum", minimum, "maximum", maximum);
    }

    static Map<String, Object> number(String description) {
        return Map.of("type", "number", "description", description);
    }

    static Map<String, Object> bool(String description) {
        return Map.of("type", "boolean", "description", description);
    }

    static Map<String, Object> oneOf(String description, String... values) {
        return Map.of("type", "string", "enum", List.of(values), "description", description);
    }

    static Map<String, Object> array(String description, Map<String, Object> items) {
        return Map.of("type", "array", "items", items, "description", description);
    }

    static Map<String, Object> array(String description, Map<String, Object> items, int maxItems) {
        return Map.of("type", "array", "items", items, "description", description, "maxItems", maxItems);
    }

    /** Any JSON object (a section whose shape this server passes on as it is). */
    static Map<String, Object> anyObject(String description) {
        return Map.of("type", "object", "description", description);
    }

    /** The same, or null. */
    static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        Object type = schema.get("type");
        copy.put("type", List.of(type, "null"));
        if (copy.containsKey("enum")) {
            List<Object> values = new ArrayList<>((List<?>) copy.get("enum"));
            values.add(null);
            copy.put("enum", values);
        }
        return copy;
    }
}
