package com.campaignmanager.shared.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.rdsdata.model.Field;

/**
 * One row of a Data API result, read by column label. Getters return null for SQL NULL; a column that is not in
 * the result is a programming error and fails loudly.
 */
public final class Row {
    private final Map<String, Integer> columns;
    private final List<Field> fields;

    Row(Map<String, Integer> columns, List<Field> fields) {
        this.columns = columns;
        this.fields = fields;
    }

    public boolean isNull(String column) {
        Field field = field(column);
        return Boolean.TRUE.equals(field.isNull());
    }

    public String string(String column) {
        Field field = field(column);
        if (Boolean.TRUE.equals(field.isNull())) {
            return null;
        }
        if (field.stringValue() != null) {
            return field.stringValue();
        }
        if (field.longValue() != null) {
            return field.longValue().toString();
        }
        if (field.doubleValue() != null) {
            return field.doubleValue().toString();
        }
        if (field.booleanValue() != null) {
            return field.booleanValue().toString();
        }
        throw wrongType(column, "text");
    }

    public Long longValue(String column) {
        Field field = field(column);
        if (Boolean.TRUE.equals(field.isNull())) {
            return null;
        }
        if (field.longValue() != null) {
            return field.longValue();
        }
        if (field.stringValue() != null) {
            return Long.parseLong(field.stringValue());
        }
        throw wrongType(column, "integer");
    }

    public Integer intValue(String column) {
        Long value = longValue(column);
        return value == null ? null : Math.toIntExact(value);
    }

    public Double doubleValue(String column) {
        Field field = field(column);
        if (Boolean.TRUE.equals(field.isNull())) {
            return null;
        }
        if (field.doubleValue() != null) {
            return field.doubleValue();
        }
        if (field.longValue() != null) {
            return field.longValue().doubleValue();
        }
        if (field.stringValue() != null) {
            return Double.parseDouble(field.stringValue());
        }
        throw wrongType(column, "double");
    }

    public Boolean bool(String column) {
        Field field = field(column);
        if (Boolean.TRUE.equals(field.isNull())) {
            return null;
        }
        if (field.booleanValue() != null) {
            return field.booleanValue();
        }
        throw wrongType(column, "boolean");
    }

    public UUID uuid(String column) {
        String value = string(column);
        return value == null ? null : UUID.fromString(value);
    }

    /** A timestamp or timestamptz column (the service returns both in UTC without an offset). */
    public Instant instant(String column) {
        String value = string(column);
        return value == null ? null : DataApiValues.parseTimestamp(value);
    }

    public OffsetDateTime offsetDateTime(String column) {
        Instant value = instant(column);
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    public LocalDate localDate(String column) {
        String value = string(column);
        return value == null ? null : LocalDate.parse(value);
    }

    public BigDecimal decimal(String column) {
        String value = string(column);
        return value == null ? null : new BigDecimal(value);
    }

    public byte[] bytes(String column) {
        Field field = field(column);
        if (Boolean.TRUE.equals(field.isNull())) {
            return null;
        }
        if (field.blobValue() != null) {
            return field.blobValue().asByteArray();
        }
        throw wrongType(column, "bytea");
    }

    /** A json/jsonb column as JSON text. */
    public String json(String column) {
        return string(column);
    }

    /** Any column as the raw Data API field, for types this class has no getter for (arrays). */
    public Field field(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new DataAccessException("result has no column '" + column + "'; it has " + columns.keySet());
        }
        return fields.get(index);
    }

    private DataAccessException wrongType(String column, String expected) {
        return new DataAccessException("column '" + column + "' is not " + expected + ": " + field(column));
    }
}
