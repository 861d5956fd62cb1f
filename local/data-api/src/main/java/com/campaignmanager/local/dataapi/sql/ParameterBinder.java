package com.campaignmanager.local.dataapi.sql;

import com.campaignmanager.local.dataapi.protocol.DataApiException;
import com.campaignmanager.local.dataapi.protocol.Field;
import com.campaignmanager.local.dataapi.protocol.SqlParameter;
import com.campaignmanager.local.dataapi.protocol.TypeHint;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.postgresql.util.PGobject;

/**
 * Matches the caller's parameters to a statement's placeholders and binds them the way the service does:
 * stringValue as VARCHAR (so a plain string into a uuid, jsonb or timestamptz column fails as on AWS), longValue as
 * int8, doubleValue as float8, booleanValue as bool, blobValue as bytea, isNull as an untyped NULL, and a string
 * with a typeHint as a value of the hinted PostgreSQL type.
 */
public final class ParameterBinder {
    private static final Pattern TIMESTAMP_CHARACTERS = Pattern.compile("[0-9 :.\\-]*");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");

    private ParameterBinder() {
    }

    /**
     * Validates every supplied parameter and returns the one behind each placeholder, in placeholder order.
     * Supplied parameters the statement does not name are ignored.
     */
    public static List<SqlParameter> resolve(NamedParameterSql sql, List<SqlParameter> supplied) {
        Map<String, SqlParameter> byName = new HashMap<>();
        for (SqlParameter parameter : supplied) {
            validate(parameter);
            if (parameter.name() != null) {
                byName.put(parameter.name(), parameter);
            }
        }
        List<SqlParameter> ordered = new ArrayList<>(sql.parameterNames().size());
        for (String name : sql.parameterNames()) {
            SqlParameter parameter = byName.get(name);
            if (parameter == null) {
                throw DataApiException.badRequest("No value specified for parameter: " + name);
            }
            ordered.add(parameter);
        }
        return ordered;
    }

    public static void bind(PreparedStatement statement, List<SqlParameter> ordered) throws SQLException {
        for (int i = 0; i < ordered.size(); i++) {
            bind(statement, i + 1, ordered.get(i));
        }
    }

    private static void validate(SqlParameter parameter) {
        Field value = parameter.value();
        if (value == null || value.membersSet() == 0) {
            throw DataApiException.badRequest("Parameter \"" + parameter.name() + "\" has value with no field set");
        }
        if (value.membersSet() > 1) {
            throw DataApiException.badRequest("Parameter \"" + parameter.name() + "\" has value with more than one field set");
        }
        if (value.arrayValue() != null) {
            throw DataApiException.badRequest("Array parameters are not supported.");
        }
        if (value.stringValue() != null && parameter.typeHint() != null) {
            checkFormat(parameter.typeHint(), value.stringValue());
        }
    }

    /** The service checks the documented formats itself before the database sees the value. */
    private static void checkFormat(TypeHint hint, String value) {
        switch (hint) {
            case TIMESTAMP:
                if (!TIMESTAMP_CHARACTERS.matcher(value).matches()) {
                    throw DataApiException.badRequest("Parse Error for TimeStamp: input contains invalid characters");
                }
                if (!TIMESTAMP.matcher(value).matches()) {
                    throw DataApiException.badRequest("Timestamp format must be yyyy-mm-dd hh:mm:ss[.fffffffff]");
                }
                break;
            case DATE:
                if (!DATE.matcher(value).matches()) {
                    throw DataApiException.badRequest("Date format must be yyyy-mm-dd");
                }
                break;
            case TIME:
                if (!TIME.matcher(value).matches()) {
                    throw DataApiException.badRequest("Time format must be hh:mm:ss[.fff]");
                }
                break;
            default:
                break; // JSON, UUID and DECIMAL are checked by PostgreSQL, which answers 22P02 like the service
        }
    }

    private static void bind(PreparedStatement statement, int index, SqlParameter parameter) throws SQLException {
        Field value = parameter.value();
        if (Boolean.TRUE.equals(value.isNull())) {
            statement.setNull(index, Types.NULL);
        } else if (value.booleanValue() != null) {
            statement.setBoolean(index, value.booleanValue());
        } else if (value.longValue() != null) {
            statement.setLong(index, value.longValue());
        } else if (value.doubleValue() != null) {
            statement.setDouble(index, value.doubleValue());
        } else if (value.blobValue() != null) {
            statement.setBytes(index, value.blobValue());
        } else if (parameter.typeHint() != null) {
            PGobject typed = new PGobject();
            typed.setType(parameter.typeHint().postgresType());
            typed.setValue(value.stringValue());
            statement.setObject(index, typed);
        } else {
            statement.setString(index, value.stringValue()); // VARCHAR: pgjdbc's default stringtype, as on AWS
        }
    }
}
