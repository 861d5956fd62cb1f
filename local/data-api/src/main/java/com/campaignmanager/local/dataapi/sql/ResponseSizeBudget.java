package com.campaignmanager.local.dataapi.sql;

import com.campaignmanager.local.dataapi.protocol.ArrayValue;
import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.campaignmanager.local.dataapi.protocol.Field;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Counts the size of the result while it is read, so that an oversized result fails early instead of being held
 * in memory whole. Sizes are what the values take in the JSON response, which is what the service limits.
 */
public final class ResponseSizeBudget {
    /** The service's per-row limit. */
    public static final int ROW_LIMIT_BYTES = 64 * 1024;
    /** The service's limit for formattedRecords (formatRecordsAs JSON). */
    public static final int FORMATTED_RECORDS_LIMIT_BYTES = 10 * 1024 * 1024;

    private static final int FIELD_OVERHEAD = 16; // {"stringValue":...}, separators

    private final long limitBytes;
    private long usedBytes;

    public ResponseSizeBudget(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    public void addRow(List<Field> row) {
        long rowBytes = 2;
        for (Field field : row) {
            rowBytes += size(field);
        }
        add(rowBytes);
    }

    /** For formatRecordsAs JSON, where rows are JSON objects measured once written. */
    public void add(long rowBytes) {
        if (rowBytes > ROW_LIMIT_BYTES) {
            throw DataApiException.badRequest("Database returned a row larger than the allowed limit of 64 KB");
        }
        usedBytes += rowBytes;
        if (usedBytes > limitBytes) {
            throw DataApiException.badRequest("Database returned more than the allowed response size limit");
        }
    }

    static long size(Field field) {
        if (field.stringValue() != null) {
            return FIELD_OVERHEAD + field.stringValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (field.blobValue() != null) {
            return FIELD_OVERHEAD + 4L * ((field.blobValue().length + 2) / 3);
        }
        if (field.arrayValue() != null) {
            return FIELD_OVERHEAD + size(field.arrayValue());
        }
        return FIELD_OVERHEAD + 8;
    }

    private static long size(ArrayValue array) {
        long bytes = 2;
        if (array.stringValues() != null) {
            for (String value : array.stringValues()) {
                bytes += 3 + (value == null ? 4 : value.getBytes(StandardCharsets.UTF_8).length);
            }
        } else if (array.arrayValues() != null) {
            for (ArrayValue nested : array.arrayValues()) {
                bytes += 1 + size(nested);
            }
        } else {
            List<?> values = array.longValues() != null ? array.longValues()
                    : array.doubleValues() != null ? array.doubleValues() : array.booleanValues();
            bytes += 9L * (values == null ? 0 : values.size());
        }
        return bytes;
    }
}
