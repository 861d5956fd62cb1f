package com.campaignmanager.local.dataapi.sql;

import com.campaignmanager.local.dataapi.protocol.ArrayValue;
import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.campaignmanager.local.dataapi.protocol.Field;
import com.campaignmanager.local.dataapi.protocol.ResultSetOptions;
import com.campaignmanager.local.dataapi.protocol.ResultSetOptions.DecimalReturnType;
import com.campaignmanager.local.dataapi.protocol.ResultSetOptions.LongReturnType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a result set into the service's representations: rows of Fields, or (formatRecordsAs JSON) one JSON text.
 * Values are taken from PostgreSQL's own text (the pool connections disable binary transfer), so numeric keeps its
 * scale and timestamps print exactly as the server prints them.
 */
public final class ResultReader {
    private static final Pattern UTC_OFFSET = Pattern.compile("[+-]\\d{2}(?::\\d{2}){0,2}( BC)?$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ResultSetOptions options;
    private final ResponseSizeBudget budget;

    public ResultReader(ResultSetOptions options, ResponseSizeBudget budget) {
        this.options = options;
        this.budget = budget;
    }

    public List<List<Field>> records(ResultSet resultSet, List<ResultColumn> columns) throws SQLException {
        List<List<Field>> records = new ArrayList<>();
        while (resultSet.next()) {
            List<Field> row = new ArrayList<>(columns.size());
            for (ResultColumn column : columns) {
                row.add(field(resultSet, column));
            }
            budget.addRow(row);
            records.add(row);
        }
        return records;
    }

    /** A JSON array of objects keyed by column label. */
    public String formattedRecords(ResultSet resultSet, List<ResultColumn> columns, ObjectMapper mapper)
            throws SQLException {
        Set<String> labels = new HashSet<>();
        for (ResultColumn column : columns) {
            if (!labels.add(column.label())) {
                throw DataApiException.badRequest("The result set has more than one column labelled \"" + column.label()
                        + "\"; formatRecordsAs JSON needs distinct column labels (use AS aliases)");
            }
        }
        ArrayNode rows = NODES.arrayNode();
        while (resultSet.next()) {
            ObjectNode row = NODES.objectNode();
            for (ResultColumn column : columns) {
                row.set(column.label(), jsonValue(resultSet, column));
            }
            budget.add(json(mapper, row).getBytes(StandardCharsets.UTF_8).length);
            rows.add(row);
        }
        return json(mapper, rows);
    }

    private Field field(ResultSet resultSet, ResultColumn column) throws SQLException {
        String text = resultSet.getString(column.index());
        if (text == null) {
            return Field.ofNull();
        }
        switch (column.kind()) {
            case BOOLEAN:
                return Field.ofBoolean(resultSet.getBoolean(column.index()));
            case INTEGER:
                return options.longReturnType() == LongReturnType.STRING
                        ? Field.ofString(text) : Field.ofLong(Long.parseLong(text));
            case FLOAT:
                return Field.ofDouble(Double.parseDouble(text));
            case DECIMAL:
                return decimalField(text);
            case BYTEA:
                return Field.ofBlob(resultSet.getBytes(column.index()));
            case TIMESTAMPTZ:
                return Field.ofString(withoutOffset(text));
            case ARRAY:
                return Field.ofArray(arrayValue(PostgresArrayLiteral.parse(text), column.elementKind()));
            default:
                return Field.ofString(text);
        }
    }

    private Field decimalField(String text) {
        if (options.decimalReturnType() != DecimalReturnType.DOUBLE_OR_LONG) {
            return Field.ofString(text);
        }
        BigDecimal value = decimal(text);
        if (value == null) {
            return Field.ofDouble(Double.parseDouble(text)); // NaN, Infinity
        }
        if (value.scale() <= 0) {
            try {
                return Field.ofLong(value.longValueExact());
            } catch (ArithmeticException tooLarge) {
                return Field.ofDouble(value.doubleValue());
            }
        }
        return Field.ofDouble(value.doubleValue());
    }

    private ArrayValue arrayValue(List<Object> elements, ColumnKind elementKind) {
        for (Object element : elements) {
            if (element instanceof List) {
                // The service model: UnsupportedResultException when the result "contained a multidimensional array".
                throw new DataApiException("UnsupportedResultException", 400,
                        "The result contains a multidimensional array, which the Data API does not support");
            }
        }
        switch (elementKind) {
            case INTEGER:
                if (options.longReturnType() == LongReturnType.STRING) {
                    return ArrayValue.ofStrings(strings(elements));
                }
                List<Long> longs = new ArrayList<>(elements.size());
                elements.forEach(e -> longs.add(e == null ? null : Long.parseLong((String) e)));
                return ArrayValue.ofLongs(longs);
            case FLOAT:
                List<Double> doubles = new ArrayList<>(elements.size());
                elements.forEach(e -> doubles.add(e == null ? null : Double.parseDouble((String) e)));
                return ArrayValue.ofDoubles(doubles);
            case BOOLEAN:
                List<Boolean> booleans = new ArrayList<>(elements.size());
                elements.forEach(e -> booleans.add(e == null ? null : "t".equals(e) || "true".equals(e)));
                return ArrayValue.ofBooleans(booleans);
            case TIMESTAMPTZ:
                List<String> timestamps = new ArrayList<>(elements.size());
                elements.forEach(e -> timestamps.add(e == null ? null : withoutOffset((String) e)));
                return ArrayValue.ofStrings(timestamps);
            default:
                return ArrayValue.ofStrings(strings(elements));
        }
    }

    private JsonNode jsonValue(ResultSet resultSet, ResultColumn column) throws SQLException {
        String text = resultSet.getString(column.index());
        if (text == null) {
            return NODES.nullNode();
        }
        switch (column.kind()) {
            case BOOLEAN:
                return NODES.booleanNode(resultSet.getBoolean(column.index()));
            case INTEGER:
                return options.longReturnType() == LongReturnType.STRING
                        ? NODES.textNode(text) : NODES.numberNode(Long.parseLong(text));
            case FLOAT:
                return doubleNode(Double.parseDouble(text));
            case DECIMAL:
                Field decimal = decimalField(text);
                if (decimal.longValue() != null) {
                    return NODES.numberNode(decimal.longValue());
                }
                return decimal.doubleValue() != null ? doubleNode(decimal.doubleValue()) : NODES.textNode(text);
            case BYTEA:
                return NODES.textNode(Base64.getEncoder().encodeToString(resultSet.getBytes(column.index())));
            case TIMESTAMPTZ:
                return NODES.textNode(withoutOffset(text));
            case ARRAY:
                return jsonArray(arrayValue(PostgresArrayLiteral.parse(text), column.elementKind()));
            default:
                return NODES.textNode(text);
        }
    }

    private static JsonNode jsonArray(ArrayValue array) {
        ArrayNode node = NODES.arrayNode();
        if (array.longValues() != null) {
            array.longValues().forEach(v -> node.add(v == null ? NODES.nullNode() : NODES.numberNode(v)));
        } else if (array.doubleValues() != null) {
            array.doubleValues().forEach(v -> node.add(v == null ? NODES.nullNode() : doubleNode(v)));
        } else if (array.booleanValues() != null) {
            array.booleanValues().forEach(v -> node.add(v == null ? NODES.nullNode() : NODES.booleanNode(v)));
        } else if (array.stringValues() != null) {
            array.stringValues().forEach(v -> node.add(v == null ? NODES.nullNode() : NODES.textNode(v)));
        }
        return node;
    }

    private static JsonNode doubleNode(double value) {
        // JSON has no NaN or Infinity: those travel as strings.
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(Double.toString(value));
    }

    private static List<String> strings(List<Object> elements) {
        List<String> strings = new ArrayList<>(elements.size());
        elements.forEach(e -> strings.add((String) e));
        return strings;
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notFinite) {
            return null;
        }
    }

    /** The session runs in UTC, so dropping the printed offset leaves the UTC time. */
    static String withoutOffset(String timestamp) {
        return UTC_OFFSET.matcher(timestamp).replaceFirst("$1");
    }

    private static String json(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write formattedRecords", e);
        }
    }
}
