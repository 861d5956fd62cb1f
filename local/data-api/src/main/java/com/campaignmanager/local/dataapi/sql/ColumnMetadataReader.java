package com.campaignmanager.local.dataapi.sql;

import com.campaignmanager.local.dataapi.protocol.ColumnMetadata;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TypeInfo;

/** columnMetadata (includeResultMetadata): the JDBC ResultSetMetaData of each column, as the service returns it. */
public final class ColumnMetadataReader {
    private ColumnMetadataReader() {
    }

    public static List<ColumnMetadata> read(ResultSetMetaData metaData, Connection connection) throws SQLException {
        TypeInfo types = connection.unwrap(BaseConnection.class).getTypeInfo();
        List<ColumnMetadata> columns = new ArrayList<>(metaData.getColumnCount());
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            String typeName = metaData.getColumnTypeName(i);
            int arrayBaseColumnType = ColumnKind.of(typeName, metaData.getColumnType(i)) == ColumnKind.ARRAY
                    && typeName.startsWith("_")
                    ? types.getSQLType(typeName.substring(1))
                    : 0;
            columns.add(new ColumnMetadata(
                    metaData.getColumnName(i),
                    metaData.getColumnType(i),
                    typeName,
                    metaData.getColumnLabel(i),
                    metaData.getSchemaName(i),
                    metaData.getTableName(i),
                    metaData.isAutoIncrement(i),
                    metaData.isSigned(i),
                    metaData.isCurrency(i),
                    metaData.isCaseSensitive(i),
                    metaData.isNullable(i),
                    metaData.getPrecision(i),
                    metaData.getScale(i),
                    arrayBaseColumnType));
        }
        return columns;
    }
}
