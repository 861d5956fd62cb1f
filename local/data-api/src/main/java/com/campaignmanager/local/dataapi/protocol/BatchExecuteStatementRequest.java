package com.campaignmanager.local.dataapi.protocol;

import java.util.List;

/** parameterSets is empty when the caller sent none: the statement is then not run. */
public record BatchExecuteStatementRequest(
        Target target,
        String sql,
        List<List<SqlParameter>> parameterSets,
        String transactionId) {
}
