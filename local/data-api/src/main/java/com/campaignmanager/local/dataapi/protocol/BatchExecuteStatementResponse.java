package com.campaignmanager.local.dataapi.protocol;

import java.util.List;

public record BatchExecuteStatementResponse(List<UpdateResult> updateResults) {

    /** generatedFields is always empty on Aurora PostgreSQL. */
    public record UpdateResult(List<Field> generatedFields) {
    }
}
