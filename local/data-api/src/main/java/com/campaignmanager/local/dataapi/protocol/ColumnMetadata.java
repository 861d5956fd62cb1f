package com.campaignmanager.local.dataapi.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One column's metadata: the JDBC ResultSetMetaData fields the service returns. */
public record ColumnMetadata(
        @JsonProperty("name") String name,
        @JsonProperty("type") int type,
        @JsonProperty("typeName") String typeName,
        @JsonProperty("label") String label,
        @JsonProperty("schemaName") String schemaName,
        @JsonProperty("tableName") String tableName,
        @JsonProperty("isAutoIncrement") boolean isAutoIncrement,
        @JsonProperty("isSigned") boolean isSigned,
        @JsonProperty("isCurrency") boolean isCurrency,
        @JsonProperty("isCaseSensitive") boolean isCaseSensitive,
        @JsonProperty("nullable") int nullable,
        @JsonProperty("precision") int precision,
        @JsonProperty("scale") int scale,
        @JsonProperty("arrayBaseColumnType") int arrayBaseColumnType) {
}
