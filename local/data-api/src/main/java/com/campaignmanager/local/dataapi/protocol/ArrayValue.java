package com.campaignmanager.local.dataapi.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The ArrayValue union: exactly one list is set. Lists may hold nulls (the model allows null entries). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArrayValue(
        List<Boolean> booleanValues,
        List<Long> longValues,
        List<Double> doubleValues,
        List<String> stringValues,
        List<ArrayValue> arrayValues) {

    public static ArrayValue ofBooleans(List<Boolean> values) {
        return new ArrayValue(values, null, null, null, null);
    }

    public static ArrayValue ofLongs(List<Long> values) {
        return new ArrayValue(null, values, null, null, null);
    }

    public static ArrayValue ofDoubles(List<Double> values) {
        return new ArrayValue(null, null, values, null, null);
    }

    public static ArrayValue ofStrings(List<String> values) {
        return new ArrayValue(null, null, null, values, null);
    }

    public static ArrayValue ofArrays(List<ArrayValue> values) {
        return new ArrayValue(null, null, null, null, values);
    }
}
