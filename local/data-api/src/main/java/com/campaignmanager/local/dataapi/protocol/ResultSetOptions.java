package com.campaignmanager.local.dataapi.protocol;

/** resultSetOptions: how DECIMAL and LONG columns come back. */
public record ResultSetOptions(DecimalReturnType decimalReturnType, LongReturnType longReturnType) {

    public static final ResultSetOptions DEFAULTS = new ResultSetOptions(DecimalReturnType.STRING, LongReturnType.LONG);

    public enum DecimalReturnType { STRING, DOUBLE_OR_LONG }

    public enum LongReturnType { LONG, STRING }
}
