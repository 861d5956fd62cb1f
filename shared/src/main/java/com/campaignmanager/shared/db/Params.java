package com.campaignmanager.shared.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;
import software.amazon.awssdk.services.rdsdata.model.TypeHint;

/**
 * Named parameters for a Data API statement, each bound the way the real service needs it. The service binds a
 * plain string as VARCHAR, so every type PostgreSQL would not convert from varchar (uuid, timestamptz, date,
 * numeric, json) carries a typeHint here, and SQL written against these parameters needs no casts.
 * A null value binds SQL NULL.
 */
public final class Params {
    private static final Field NULL = Field.builder().isNull(true).build();

    private final List<SqlParameter> parameters = new ArrayList<>();

    private Params() {
    }

    public static Params of() {
        return new Params();
    }

    public static Params of(String name, String value) {
        return new Params().put(name, value);
    }

    public static Params of(String name, UUID value) {
        return new Params().put(name, value);
    }

    public Params put(String name, String value) {
        return add(name, value == null ? NULL : Field.builder().stringValue(value).build(), null);
    }

    /** An enum stored as text: its stored value (or SQL NULL). */
    public Params put(String name, StoredText value) {
        return put(name, value == null ? null : value.stored());
    }

    public Params put(String name, long value) {
        return add(name, Field.builder().longValue(value).build(), null);
    }

    public Params put(String name, Long value) {
        return value == null ? putNull(name) : put(name, value.longValue());
    }

    public Params put(String name, Integer value) {
        return value == null ? putNull(name) : put(name, value.longValue());
    }

    public Params put(String name, double value) {
        return add(name, Field.builder().doubleValue(value).build(), null);
    }

    public Params put(String name, Double value) {
        return value == null ? putNull(name) : put(name, value.doubleValue());
    }

    public Params put(String name, boolean value) {
        return add(name, Field.builder().booleanValue(value).build(), null);
    }

    public Params put(String name, Boolean value) {
        return value == null ? putNull(name) : put(name, value.booleanValue());
    }

    public Params put(String name, UUID value) {
        return hinted(name, value == null ? null : value.toString(), TypeHint.UUID);
    }

    /** Bound as a TIMESTAMP in UTC ({@code YYYY-MM-DD HH:MM:SS.ffffff}: the service rejects ISO 'T' and 'Z'). */
    public Params put(String name, Instant value) {
        return hinted(name, value == null ? null : DataApiValues.formatTimestamp(value), TypeHint.TIMESTAMP);
    }

    public Params put(String name, OffsetDateTime value) {
        return put(name, value == null ? null : value.toInstant());
    }

    public Params put(String name, LocalDate value) {
        return hinted(name, value == null ? null : value.toString(), TypeHint.DATE);
    }

    /** Bound as DECIMAL from its plain string, so no digit is lost to a double. */
    public Params put(String name, BigDecimal value) {
        return hinted(name, value == null ? null : value.toPlainString(), TypeHint.DECIMAL);
    }

    public Params put(String name, byte[] value) {
        return add(name, value == null ? NULL : Field.builder().blobValue(SdkBytes.fromByteArray(value)).build(), null);
    }

    /** A JSON document (object, array or scalar), given as JSON text. */
    public Params putJson(String name, String json) {
        return hinted(name, json, TypeHint.JSON);
    }

    /**
     * A list, which the Data API cannot bind as an array: it travels as one JSON array and the SQL unpacks it,
     * e.g. {@code WHERE id IN (SELECT value::uuid FROM json_array_elements_text(:ids))} (the JSON type hint
     * makes it {@code json}, not {@code jsonb}).
     */
    public Params putList(String name, Collection<?> values) {
        StringBuilder json = new StringBuilder("[");
        for (Object value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            if (value == null) {
                json.append("null");
            } else if (value instanceof Number || value instanceof Boolean) {
                json.append(value);
            } else {
                DataApiValues.appendJsonString(json, value.toString());
            }
        }
        return putJson(name, json.append(']').toString());
    }

    public Params putNull(String name) {
        return add(name, NULL, null);
    }

    public List<SqlParameter> toList() {
        return List.copyOf(parameters);
    }

    /** A rough size of these parameters on the wire, to keep batch requests under the service's 4 MiB. */
    int estimatedBytes() {
        int bytes = 0;
        for (SqlParameter parameter : parameters) {
            bytes += 48 + parameter.name().length();
            Field value = parameter.value();
            if (value.stringValue() != null) {
                bytes += value.stringValue().length() * 2;
            } else if (value.blobValue() != null) {
                bytes += value.blobValue().asByteArrayUnsafe().length * 4 / 3 + 4;
            } else {
                bytes += 24;
            }
        }
        return bytes;
    }

    private Params hinted(String name, String value, TypeHint hint) {
        return value == null ? putNull(name) : add(name, Field.builder().stringValue(value).build(), hint);
    }

    private Params add(String name, Field value, TypeHint hint) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("parameter name is empty");
        }
        for (SqlParameter existing : parameters) {
            if (existing.name().equals(name)) {
                throw new IllegalArgumentException("parameter :" + name + " is bound twice");
            }
        }
        parameters.add(SqlParameter.builder().name(name).value(value).typeHint(hint).build());
        return this;
    }
}
