package com.campaignmanager.local.dataapi.sql;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A result column as the readers need it: its label, its kind and, for arrays, the kind of its elements.
 */
public record ResultColumn(int index, String label, String typeName, ColumnKind kind, ColumnKind elementKind) {

    public static List<ResultColumn> of(ResultSetMetaData metaData) throws SQLException {
        List<ResultColumn> columns = new ArrayList<>(metaData.getColumnCount());
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            String typeName = metaData.getColumnTypeName(i);
            ColumnKind kind = ColumnKind.of(typeName, metaData.getColumnType(i));
            ColumnKind elementKind = kind == ColumnKind.ARRAY && typeName.startsWith("_")
                    ? ColumnKind.ofBaseType(typeName.substring(1))
                    : ColumnKind.TEXT;
            columns.add(new ResultColumn(i, metaData.getColumnLabel(i), typeName, kind, elementKind));
        }
        return columns;
    }
}
