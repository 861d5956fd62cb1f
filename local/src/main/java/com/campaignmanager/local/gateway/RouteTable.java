package com.campaignmanager.local.gateway;

import com.campaignmanager.local.template.HttpRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's route selection: the most specific route wins (literal segments before {@code {variables}}
 * before a greedy {@code {proxy+}}), then an exact method before {@code ANY}.
 */
final class RouteTable {
    record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private final List<HttpRoute> routes;

    RouteTable(List<HttpRoute> routes) {
        List<HttpRoute> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((HttpRoute r) -> -specificity(r.path()))
                .thenComparing(r -> r.method().equals("ANY")));
        this.routes = List.copyOf(sorted);
    }

    Optional<Match> match(String method, String path) {
        for (HttpRoute route : routes) {
            if (!route.matchesMethod(method)) {
                continue;
            }
            Map<String, String> parameters = bind(route.path(), path);
            if (parameters != null) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    /** The path parameters, or null when the template does not match. */
    static Map<String, String> bind(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i++) {
            String segment = expected[i];
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= actual.length) {
                    return null;
                }
                String rest = String.join("/", java.util.Arrays.copyOfRange(actual, i, actual.length));
                if (rest.isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 2), decode(rest));
                return parameters;
            }
            if (i >= actual.length) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), decode(actual[i]));
            } else if (!segment.equals(actual[i])) {
                return null;
            }
        }
        return expected.length == actual.length ? parameters : null;
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int specificity(String template) {
        int score = 0;
        for (String segment : template.split("/")) {
            if (segment.endsWith("+}")) {
                score += 0;
            } else if (segment.startsWith("{")) {
                score += 1;
            } else {
                score += 3;
            }
        }
        return score * 100 + template.length();
    }
}
