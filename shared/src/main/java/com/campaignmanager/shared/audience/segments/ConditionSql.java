package com.campaignmanager.shared.audience.segments;

import com.campaignmanager.shared.db.Params;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Conditions} as a SQL condition on the contact {@code c} (a row of {@code contacts}): text written here and
 * nowhere else, with every key and value of the conditions a named parameter ({@code :seg1}, {@code :seg2}, …), so
 * that nothing a client wrote is ever part of the statement. Each condition is {@code TRUE} or {@code FALSE}, never
 * NULL (a missing attribute does not match equals and does match notEquals), and never fails: a date attribute that
 * is no date reads as NULL through {@code audience_instant} (V013) and so does not match before or after.
 *
 * <p>Equality on an attribute is containment ({@code c.attributes @> {"plan": "pro"}}), which the GIN index on
 * {@code contacts.attributes} serves; the key test is {@code jsonb_exists}, not the {@code ?} operator, which some
 * Data API clients read as a placeholder. Text fields (email, names) compare without regard to case.
 */
public final class ConditionSql {
    /** The parameters' prefix: no statement that composes a fragment names its own parameters so. */
    static final String PREFIX = "seg";

    /** A compiled condition and the values of its parameters. */
    public record Fragment(String sql, List<Binding> bindings) {
        public Fragment {
            bindings = List.copyOf(bindings);
        }

        /** Adds the fragment's parameters to {@code params}. */
        public Params bindTo(Params params) {
            for (Binding binding : bindings) {
                if (binding.value() instanceof String text) {
                    params.put(binding.name(), text);
                } else if (binding.value() instanceof Instant instant) {
                    params.put(binding.name(), instant);
                } else {
                    params.putJson(binding.name(), ((JsonNode) binding.value()).toString());
                }
            }
            return params;
        }
    }

    /** One named parameter: a text, an instant or a JSON document. */
    public record Binding(String name, Object value) {
    }

    /** No conditions: everyone on the lists. */
    public static final Fragment EVERYONE = new Fragment("TRUE", List.of());

    private final List<Binding> bindings = new ArrayList<>();

    private ConditionSql() {
    }

    /** The fragment for {@code conditions}; {@link #EVERYONE} for null. */
    public static Fragment compile(Conditions conditions) {
        if (conditions == null) {
            return EVERYONE;
        }
        ConditionSql compiler = new ConditionSql();
        String sql = compiler.group(conditions.root());
        return new Fragment(sql, compiler.bindings);
    }

    /** The fragment for stored conditions JSON (validated again: what is stored was written by this code). */
    public static Fragment compile(JsonNode stored) {
        return stored == null || stored.isNull() ? EVERYONE : compile(Conditions.parse("conditions", stored));
    }

    private String group(Conditions.Group group) {
        List<String> parts = new ArrayList<>();
        for (Conditions.Condition item : group.items()) {
            parts.add(item instanceof Conditions.Group inner ? group(inner) : rule((Conditions.Rule) item));
        }
        return "(" + String.join(group.all() ? " AND " : " OR ", parts) + ")";
    }

    private String rule(Conditions.Rule rule) {
        ContactField field = rule.field();
        return switch (rule.op()) {
            case EQUALS -> definite(equals(field, (JsonNode) rule.value()));
            case NOT_EQUALS -> "NOT " + definite(equals(field, (JsonNode) rule.value()));
            case IN -> definite(in(field, asList(rule.value())));
            case NOT_IN -> "NOT " + definite(in(field, asList(rule.value())));
            case CONTAINS -> definite("strpos(lower(" + text(field) + "), lower(" + bind((String) rule.value())
                    + ")) > 0");
            case EXISTS -> (Boolean) rule.value() ? definite(exists(field)) : "NOT " + definite(exists(field));
            case BEFORE -> definite(instant(field) + " < " + bind((Instant) rule.value()));
            case AFTER -> definite(instant(field) + " > " + bind((Instant) rule.value()));
        };
    }

    private String equals(ContactField field, JsonNode value) {
        if (field.kind() == ContactField.Kind.ATTRIBUTE) {
            ObjectNode contained = JsonNodeFactory.instance.objectNode();
            contained.set(field.key(), value);
            return "c.attributes @> CAST(" + bind(contained) + " AS jsonb)";
        }
        return "lower(" + text(field) + ") = lower(" + bind(value.asText()) + ")";
    }

    private String in(ContactField field, List<JsonNode> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode().addAll(values);
        if (field.kind() == ContactField.Kind.ATTRIBUTE) {
            return "c.attributes -> " + key(field) + " IN (SELECT v FROM jsonb_array_elements(CAST(" + bind(array)
                    + " AS jsonb)) AS e(v))";
        }
        return "lower(" + text(field) + ") IN (SELECT lower(v) FROM jsonb_array_elements_text(CAST(" + bind(array)
                + " AS jsonb)) AS e(v))";
    }

    private String exists(ContactField field) {
        return field.kind() == ContactField.Kind.ATTRIBUTE ? "jsonb_exists(c.attributes, " + key(field) + ")"
                : text(field) + " <> ''";
    }

    /** The field as text: a column, or an attribute's text (NULL when the contact has no such attribute). */
    private String text(ContactField field) {
        return switch (field.kind()) {
            case EMAIL -> "COALESCE(c.email, '')";
            case FIRST_NAME -> "COALESCE(c.first_name, '')";
            case LAST_NAME -> "COALESCE(c.last_name, '')";
            case ATTRIBUTE -> "(c.attributes ->> " + key(field) + ")";
            case CREATED_AT -> throw new IllegalStateException("createdAt is no text");
        };
    }

    private String instant(ContactField field) {
        return field.kind() == ContactField.Kind.CREATED_AT ? "c.created_at"
                : "audience_instant(c.attributes ->> " + key(field) + ")";
    }

    private String key(ContactField field) {
        return "CAST(" + bind(field.key()) + " AS text)";
    }

    /** A condition that is TRUE or FALSE, never NULL, so that NOT and OR mean what they say. */
    private static String definite(String condition) {
        return "COALESCE(" + condition + ", FALSE)";
    }

    private String bind(Object value) {
        String name = PREFIX + (bindings.size() + 1);
        bindings.add(new Binding(name, value));
        return ":" + name;
    }

    @SuppressWarnings("unchecked")
    private static List<JsonNode> asList(Object value) {
        return (List<JsonNode>) value;
    }
}
