package com.campaignmanager.shared.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A function's routes: an immutable map from API Gateway route key ({@code "GET /campaigns/{campaignId}"}) to
 * the method that serves it. API Gateway picks the route and sends its key; a key this function does not serve
 * is answered 405 when the path is known with another method, 404 otherwise.
 */
public final class Routes {
    private final Map<String, Route> byKey;

    private Routes(Map<String, Route> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> keys() {
        return new TreeSet<>(byKey.keySet());
    }

    Optional<Route> find(String routeKey) {
        return Optional.ofNullable(routeKey == null ? null : byKey.get(routeKey));
    }

    /** Methods served on the path template of {@code routeKey}, or on a template matching {@code rawPath}. */
    List<String> methodsFor(String routeKey, String rawPath) {
        String template = routeKey != null && routeKey.contains(" ") ? routeKey.substring(routeKey.indexOf(' ') + 1) : null;
        List<String> methods = new ArrayList<>();
        for (String key : byKey.keySet()) {
            String method = key.substring(0, key.indexOf(' '));
            String keyTemplate = key.substring(key.indexOf(' ') + 1);
            if (keyTemplate.equals(template) || (rawPath != null && matches(keyTemplate, rawPath))) {
                methods.add(method);
            }
        }
        return methods;
    }

    static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean variable = expected[i].startsWith("{") && expected[i].endsWith("}");
            if (!(variable ? !actual[i].isEmpty() : expected[i].equals(actual[i]))) {
                return false;
            }
        }
        return true;
    }

    public static final class Builder {
        private final Map<String, Route> byKey = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(String routeKey, Route route) {
            if (!routeKey.matches("(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\\S*")) {
                throw new IllegalArgumentException("not a route key: " + routeKey);
            }
            if (byKey.put(routeKey, route) != null) {
                throw new IllegalArgumentException("route " + routeKey + " is defined twice");
            }
            return this;
        }

        public Routes build() {
            return new Routes(byKey);
        }
    }
}
