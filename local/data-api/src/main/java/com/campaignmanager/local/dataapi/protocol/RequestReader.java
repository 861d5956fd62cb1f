package com.campaignmanager.local.dataapi.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Reads request bodies into request records, enforcing what the service model requires (required members, length
 * limits, enum values, member types). Unknown members are ignored, as the service does. Every violation is a 400
 * BadRequestException so that the SDK never retries it.
 */
public final class RequestReader {
    private static final int ARN_MIN = 11;
    private static final int ARN_MAX = 100;
    private static final int SQL_MAX = 65_536;
    private static final int DB_NAME_MAX = 64;
    private static final int ID_MAX = 192;

    public ExecuteStatementRequest executeStatement(JsonNode body) {
        Target target = target(body);
        String sql = requiredString(body, "sql", 0, SQL_MAX);
        return new ExecuteStatementRequest(
                target,
                sql,
                parameters(body.get("parameters"), "parameters"),
                optionalString(body, "transactionId", 0, ID_MAX),
                optionalBoolean(body, "includeResultMetadata"),
                optionalBoolean(body, "continueAfterTimeout"),
                resultSetOptions(body.get("resultSetOptions")),
                optionalEnum(body, "formatRecordsAs", RecordsFormat.class, RecordsFormat.NONE));
    }

    public BatchExecuteStatementRequest batchExecuteStatement(JsonNode body) {
        Target target = target(body);
        String sql = requiredString(body, "sql", 0, SQL_MAX);
        List<List<SqlParameter>> parameterSets = new ArrayList<>();
        JsonNode sets = body.get("parameterSets");
        if (isPresent(sets)) {
            if (!sets.isArray()) {
                throw invalidType("parameterSets", "list");
            }
            for (int i = 0; i < sets.size(); i++) {
                parameterSets.add(parameters(sets.get(i), "parameterSets." + (i + 1) + ".member"));
            }
        }
        return new BatchExecuteStatementRequest(target, sql, parameterSets,
                optionalString(body, "transactionId", 0, ID_MAX));
    }

    public BeginTransactionRequest beginTransaction(JsonNode body) {
        return new BeginTransactionRequest(target(body));
    }

    public EndTransactionRequest endTransaction(JsonNode body) {
        return new EndTransactionRequest(
                requiredString(body, "resourceArn", ARN_MIN, ARN_MAX),
                requiredString(body, "secretArn", ARN_MIN, ARN_MAX),
                requiredString(body, "transactionId", 0, ID_MAX));
    }

    private Target target(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DataApiException.badRequest("The request body must be a JSON object");
        }
        return new Target(
                requiredString(body, "resourceArn", ARN_MIN, ARN_MAX),
                requiredString(body, "secretArn", ARN_MIN, ARN_MAX),
                optionalString(body, "database", 0, DB_NAME_MAX),
                optionalString(body, "schema", 0, DB_NAME_MAX));
    }

    private List<SqlParameter> parameters(JsonNode node, String path) {
        List<SqlParameter> parameters = new ArrayList<>();
        if (!isPresent(node)) {
            return parameters;
        }
        if (!node.isArray()) {
            throw invalidType(path, "list");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode parameter = node.get(i);
            String parameterPath = path + "." + (i + 1) + ".member";
            if (!parameter.isObject()) {
                throw invalidType(parameterPath, "structure");
            }
            parameters.add(new SqlParameter(
                    optionalString(parameter, "name", 0, Integer.MAX_VALUE),
                    isPresent(parameter.get("value")) ? field(parameter.get("value"), parameterPath + ".value") : null,
                    optionalEnum(parameter, "typeHint", TypeHint.class, null)));
        }
        return parameters;
    }

    private Field field(JsonNode node, String path) {
        if (!node.isObject()) {
            throw invalidType(path, "structure");
        }
        Boolean isNull = null;
        if (isPresent(node.get("isNull"))) {
            isNull = booleanValue(node.get("isNull"), path + ".isNull");
        }
        Boolean booleanValue = isPresent(node.get("booleanValue"))
                ? booleanValue(node.get("booleanValue"), path + ".booleanValue") : null;
        Long longValue = isPresent(node.get("longValue")) ? longValue(node.get("longValue"), path + ".longValue") : null;
        Double doubleValue = isPresent(node.get("doubleValue"))
                ? doubleValue(node.get("doubleValue"), path + ".doubleValue") : null;
        String stringValue = null;
        if (isPresent(node.get("stringValue"))) {
            if (!node.get("stringValue").isTextual()) {
                throw invalidType(path + ".stringValue", "string");
            }
            stringValue = node.get("stringValue").textValue();
        }
        byte[] blobValue = isPresent(node.get("blobValue")) ? blob(node.get("blobValue"), path + ".blobValue") : null;
        ArrayValue arrayValue = isPresent(node.get("arrayValue"))
                ? arrayValue(node.get("arrayValue"), path + ".arrayValue") : null;
        return new Field(isNull, booleanValue, longValue, doubleValue, stringValue, blobValue, arrayValue);
    }

    private ArrayValue arrayValue(JsonNode node, String path) {
        if (!node.isObject()) {
            throw invalidType(path, "structure");
        }
        // Read only as far as needed to recognise it: array parameters are refused later with a clear message.
        if (isPresent(node.get("arrayValues")) && node.get("arrayValues").isArray()) {
            List<ArrayValue> nested = new ArrayList<>();
            for (JsonNode element : node.get("arrayValues")) {
                nested.add(arrayValue(element, path + ".arrayValues.member"));
            }
            return ArrayValue.ofArrays(nested);
        }
        return ArrayValue.ofStrings(List.of());
    }

    private ResultSetOptions resultSetOptions(JsonNode node) {
        if (!isPresent(node)) {
            return ResultSetOptions.DEFAULTS;
        }
        if (!node.isObject()) {
            throw invalidType("resultSetOptions", "structure");
        }
        return new ResultSetOptions(
                optionalEnum(node, "decimalReturnType", ResultSetOptions.DecimalReturnType.class,
                        ResultSetOptions.DecimalReturnType.STRING),
                optionalEnum(node, "longReturnType", ResultSetOptions.LongReturnType.class,
                        ResultSetOptions.LongReturnType.LONG));
    }

    private static String requiredString(JsonNode body, String member, int minLength, int maxLength) {
        String value = optionalString(body, member, minLength, maxLength);
        if (value == null) {
            throw DataApiException.badRequest("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static String optionalString(JsonNode body, String member, int minLength, int maxLength) {
        JsonNode node = body.get(member);
        if (!isPresent(node)) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalidType(member, "string");
        }
        String value = node.textValue();
        if (value.length() < minLength) {
            throw DataApiException.badRequest("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + minLength);
        }
        if (value.length() > maxLength) {
            throw DataApiException.badRequest("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + maxLength);
        }
        return value;
    }

    private static boolean optionalBoolean(JsonNode body, String member) {
        JsonNode node = body.get(member);
        return isPresent(node) && booleanValue(node, member);
    }

    private static <E extends Enum<E>> E optionalEnum(JsonNode body, String member, Class<E> type, E absent) {
        JsonNode node = body.get(member);
        if (!isPresent(node)) {
            return absent;
        }
        if (!node.isTextual()) {
            throw invalidType(member, "string");
        }
        try {
            return Enum.valueOf(type, node.textValue().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DataApiException.badRequest("1 validation error detected: Value '" + node.textValue() + "' at '"
                    + member + "' failed to satisfy constraint: Member must satisfy enum value set: "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static boolean booleanValue(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw invalidType(path, "boolean");
        }
        return node.booleanValue();
    }

    private static long longValue(JsonNode node, String path) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalidType(path, "long");
        }
        return node.longValue();
    }

    private static double doubleValue(JsonNode node, String path) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        // Non-finite doubles travel as strings in AWS JSON protocols.
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw invalidType(path, "double");
    }

    private static byte[] blob(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw invalidType(path, "blob (base64 string)");
        }
        try {
            return Base64.getMimeDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw DataApiException.badRequest("Value at '" + path + "' is not valid base64");
        }
    }

    private static boolean isPresent(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static DataApiException invalidType(String path, String expected) {
        return DataApiException.badRequest("Value at '" + path + "' must be of type " + expected);
    }
}
