package com.campaignmanager.local.auth;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a token's claims into the strings API Gateway's HTTP API JWT authorizer hands to the integration
 * ({@code requestContext.authorizer.jwt.claims}, payload format 2.0).
 *
 * <p>What is known of that format comes from observed events rather than documentation: strings as they are;
 * numbers as their digits ({@code "exp": "1612061676"}); booleans {@code true}/{@code false}; arrays as
 * space-separated text in brackets ({@code cognito:groups} arrives as {@code "[admin editor]"}); objects as Go's
 * {@code map[key:value]} text (reported for a custom object claim); null claims left out. The array and object
 * forms are Go's {@code %v}, so nested values follow it too: map keys sorted, a nested null as {@code <nil>}.
 */
final class ApiGatewayJwtClaims {

    private ApiGatewayJwtClaims() {
    }

    static Map<String, String> of(Map<String, Object> claims) {
        Map<String, String> texts = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                texts.put(name, text(value));
            }
        });
        return texts;
    }

    static String text(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Number number) {
            // JSON gives no integer/decimal distinction beyond the digits: 1.50 -> "1.5", 1e3 -> "1000".
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ApiGatewayJwtClaims::text).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, nested) -> sorted.put(String.valueOf(key), nested));
            return sorted.entrySet().stream()
                    .map(entry -> entry.getKey() + ":" + text(entry.getValue()))
                    .collect(Collectors.joining(" ", "map[", "]"));
        }
        return value.toString();
    }
}
