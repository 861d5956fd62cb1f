package com.campaignmanager.local.dataapi.protocol;

/** SqlParameter.typeHint values; each names the PostgreSQL type a string value is sent as. */
public enum TypeHint {
    JSON("json"),
    UUID("uuid"),
    TIMESTAMP("timestamp"),
    DATE("date"),
    TIME("time"),
    DECIMAL("numeric");

    private final String postgresType;

    TypeHint(String postgresType) {
        this.postgresType = postgresType;
    }

    public String postgresType() {
        return postgresType;
    }
}
