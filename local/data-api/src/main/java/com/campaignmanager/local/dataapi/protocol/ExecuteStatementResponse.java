package com.campaignmanager.local.dataapi.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Members left null are left out of the JSON, as the service does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecuteStatementResponse(
        List<List<Field>> records,
        List<ColumnMetadata> columnMetadata,
        long numberOfRecordsUpdated,
        List<Field> generatedFields,
        String formattedRecords) {
}
