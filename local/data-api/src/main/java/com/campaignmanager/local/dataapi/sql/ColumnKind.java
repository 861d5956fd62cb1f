package com.campaignmanager.local.dataapi.sql;

import java.sql.Types;

/** How a result column's values are returned, decided from its PostgreSQL type name. */
public enum ColumnKind {
    BOOLEAN,
    INTEGER,
    FLOAT,
    DECIMAL,
    BYTEA,
    /** Printed in UTC (the session time zone) with the offset dropped, as the service does. */
    TIMESTAMPTZ,
    ARRAY,
    /** Everything else comes back as PostgreSQL's text for it: text, uuid, json, date, timestamp, interval, money... */
    TEXT;

    public static ColumnKind of(String typeName, int jdbcType) {
        if (jdbcType == Types.ARRAY || typeName.startsWith("_")) {
            return ARRAY;
        }
        return ofBaseType(typeName);
    }

    /** The kind of a scalar type, also used for array elements (the type name without its leading underscore). */
    public static ColumnKind ofBaseType(String typeName) {
        switch (typeName) {
            case "bool":
                return BOOLEAN;
            case "int2":
            case "int4":
            case "int8":
            case "oid":
                return INTEGER;
            case "float4":
            case "float8":
                return FLOAT;
            case "numeric":
                return DECIMAL;
            case "bytea":
                return BYTEA;
            case "timestamptz":
                return TIMESTAMPTZ;
            default:
                return TEXT;
        }
    }
}
