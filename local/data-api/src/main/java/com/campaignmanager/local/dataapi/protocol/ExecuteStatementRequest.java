package com.campaignmanager.local.dataapi.protocol;

import java.util.List;

public record ExecuteStatementRequest(
        Target target,
        String sql,
        List<SqlParameter> parameters,
        String transactionId,
        boolean includeResultMetadata,
        boolean continueAfterTimeout,
        ResultSetOptions resultSetOptions,
        RecordsFormat formatRecordsAs) {
}
