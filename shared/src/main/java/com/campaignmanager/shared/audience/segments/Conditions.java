package com.campaignmanager.shared.audience.segments;

import com.campaignmanager.shared.http.InvalidFieldException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Validated audience conditions: {@code {"all": [...]}} or {@code {"any": [...]}}, each item a condition
 * {@code {"field", "op", "value"}} or another group. Parsed strictly, so that what reaches {@link ConditionSql} is
 * known: an unknown field or operator, a value of the wrong type, nesting deeper than {@value #MAX_DEPTH} levels or
 * more than {@value #MAX_CONDITIONS} conditions is an {@link InvalidFieldException} naming the condition (e.g.
 * {@code conditions.all[1].op}). {@code json} is the document as given, which is what rounds and segments keep.
 */
public record Conditions(Group root, JsonNode json) {
    public static final int MAX_DEPTH = 3;
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_VALUES = 100;
    public static final int MAX_TEXT = 1000;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    /** One item of a group. */
    public sealed interface Condition permits Group, Rule {
    }

    /** All of (or any of, when {@code all} is false) its items. */
    public record Group(boolean all, List<Condition> items) implements Condition {
        public Group {
            items = List.copyOf(items);
        }
    }

    /**
     * {@code field op value}: {@code value} is a scalar (equals, notEquals), a list of scalars (in, notIn), a text
     * (contains), true or false (exists) or an instant (before, after); see {@link #parse}.
     */
    public record Rule(ContactField field, Operator op, Object value) implements Condition {
    }

    /** The conditions in {@code node}, named {@code path} in errors ({@code "conditions"}). */
    public static Conditions parse(String path, JsonNode node) {
        int[] count = {0};
        Group root = group(path, node, 1, count);
        return new Conditions(root, node);
    }

    private static Group group(String path, JsonNode node, int depth, int[] count) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException(path, "must be an object {\"all\": [...]} or {\"any\": [...]}");
        }
        if (node.size() != 1 || !(node.has("all") || node.has("any"))) {
            throw new InvalidFieldException(path, "must have exactly one of \"all\" or \"any\"");
        }
        if (depth > MAX_DEPTH) {
            throw new InvalidFieldException(path, "nests groups deeper than " + MAX_DEPTH + " levels");
        }
        boolean all = node.has("all");
        String itemsPath = path + (all ? ".all" : ".any");
        JsonNode items = node.get(all ? "all" : "any");
        if (!items.isArray() || items.isEmpty()) {
            throw new InvalidFieldException(itemsPath, "must be a non-empty array of conditions");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = itemsPath + "[" + i + "]";
            JsonNode item = items.get(i);
            if (item.isObject() && (item.has("all") || item.has("any"))) {
                conditions.add(group(itemPath, item, depth + 1, count));
            } else {
                if (++count[0] > MAX_CONDITIONS) {
                    throw new InvalidFieldException(itemPath, "is one condition too many: at most " + MAX_CONDITIONS);
                }
                conditions.add(rule(itemPath, item));
            }
        }
        return new Group(all, conditions);
    }

    private static final Set<String> RULE_FIELDS = Set.of("field", "op", "value");

    private static Rule rule(String path, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidFieldException(path, "must be a condition {\"field\", \"op\", \"value\"} or a group");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RULE_FIELDS.contains(name)) {
                throw new InvalidFieldException(path + "." + name, "is not a known field");
            }
        }
        JsonNode fieldNode = node.get("field");
        if (fieldNode == null || !fieldNode.isTextual()) {
            throw new InvalidFieldException(path + ".field", "is required: email, firstName, lastName, createdAt "
                    + "or attributes.<key>");
        }
        ContactField field = ContactField.parse(fieldNode.asText());
        if (field == null) {
            throw new InvalidFieldException(path + ".field", "is not a known field: use email, firstName, lastName, "
                    + "createdAt or attributes.<key> (a key of 1 to " + ContactField.MAX_KEY_LENGTH + " characters)");
        }
        JsonNode opNode = node.get("op");
        Operator op = opNode == null || !opNode.isTextual() ? null : Operator.fromWire(opNode.asText()).orElse(null);
        if (op == null) {
            throw new InvalidFieldException(path + ".op", "must be one of " + Operator.names());
        }
        boolean dated = op == Operator.BEFORE || op == Operator.AFTER;
        if (dated && field.isText()) {
            throw new InvalidFieldException(path + ".op", op.wireName() + " applies to createdAt and date attributes");
        }
        if (!dated && field.kind() == ContactField.Kind.CREATED_AT) {
            throw new InvalidFieldException(path + ".op", "createdAt takes before or after");
        }
        String valuePath = path + ".value";
        JsonNode value = node.get("value");
        return new Rule(field, op, switch (op) {
            case EQUALS, NOT_EQUALS -> scalar(valuePath, value, field);
            case IN, NOT_IN -> scalars(valuePath, value, field);
            case CONTAINS -> text(valuePath, value);
            case EXISTS -> {
                if (value != null && !value.isBoolean()) {
                    throw new InvalidFieldException(valuePath, "must be true or false (or left out: true)");
                }
                yield value == null || value.booleanValue();
            }
            case BEFORE, AFTER -> instant(valuePath, value);
        });
    }

    /** A string, number or boolean (a string for a text field), as a JSON node. */
    private static JsonNode scalar(String path, JsonNode value, ContactField field) {
        if (value == null || value.isNull()) {
            throw new InvalidFieldException(path, "is required");
        }
        if (field.isText() && !value.isTextual()) {
            throw new InvalidFieldException(path, "must be a string");
        }
        if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
            throw new InvalidFieldException(path, "must be a string, a number or a boolean");
        }
        if (value.isTextual() && value.asText().length() > MAX_TEXT) {
            throw new InvalidFieldException(path, "is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static List<JsonNode> scalars(String path, JsonNode value, ContactField field) {
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
            throw new InvalidFieldException(path, "must be an array of 1 to " + MAX_VALUES + " values");
        }
        List<JsonNode> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            values.add(scalar(path + "[" + i + "]", value.get(i), field));
        }
        return List.copyOf(values);
    }

    private static String text(String path, JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidFieldException(path, "must be a non-empty string");
        }
        if (value.asText().length() > MAX_TEXT) {
            throw new InvalidFieldException(path, "is longer than " + MAX_TEXT + " characters");
        }
        return value.asText();
    }

    /** An ISO date (midnight UTC) or an ISO instant with an offset. */
    private static Instant instant(String path, JsonNode value) {
        if (value != null && value.isTextual()) {
            String text = value.asText();
            try {
                Instant instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(text).toInstant();
                if (!instant.isBefore(EARLIEST) && instant.isBefore(LATEST)) {
                    return instant;
                }
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw new InvalidFieldException(path, "must be an ISO date (2025-09-01) or instant (2025-09-01T00:00:00Z)");
    }
}
