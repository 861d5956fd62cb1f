package com.campaignmanager.local.dataapi.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The Field union of the service model: exactly one member is set. blobValue travels as base64. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Field(
        @JsonProperty("isNull") Boolean isNull,
        @JsonProperty("booleanValue") Boolean booleanValue,
        @JsonProperty("longValue") Long longValue,
        @JsonProperty("doubleValue") Double doubleValue,
        @JsonProperty("stringValue") String stringValue,
        @JsonProperty("blobValue") byte[] blobValue,
        @JsonProperty("arrayValue") ArrayValue arrayValue) {

    private static final Field NULL = new Field(true, null, null, null, null, null, null);

    public static Field ofNull() {
        return NULL;
    }

    public static Field ofBoolean(boolean value) {
        return new Field(null, value, null, null, null, null, null);
    }

    public static Field ofLong(long value) {
        return new Field(null, null, value, null, null, null, null);
    }

    public static Field ofDouble(double value) {
        return new Field(null, null, null, value, null, null, null);
    }

    public static Field ofString(String value) {
        return new Field(null, null, null, null, value, null, null);
    }

    public static Field ofBlob(byte[] value) {
        return new Field(null, null, null, null, null, value, null);
    }

    public static Field ofArray(ArrayValue value) {
        return new Field(null, null, null, null, null, null, value);
    }

    /** How many members are set; a well-formed union has exactly one. {@code isNull: false} counts as unset. */
    public int membersSet() {
        int count = 0;
        if (Boolean.TRUE.equals(isNull)) {
            count++;
        }
        if (booleanValue != null) {
            count++;
        }
        if (longValue != null) {
            count++;
        }
        if (doubleValue != null) {
            count++;
        }
        if (stringValue != null) {
            count++;
        }
        if (blobValue != null) {
            count++;
        }
        if (arrayValue != null) {
            count++;
        }
        return count;
    }
}
