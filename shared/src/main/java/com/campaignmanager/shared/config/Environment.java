package com.campaignmanager.shared.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where configuration comes from: the function's environment variables (set by template.yaml). A JVM system
 * property of the same name is the fallback, so that the local runner and the tests, which run handlers
 * in-process and cannot change the environment, configure them the same way.
 */
public final class Environment {
    private final Function<String, String> lookup;

    private Environment(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static Environment system() {
        return new Environment(name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty(name);
        });
    }

    public static Environment of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Environment(copy::get);
    }

    public Optional<String> optional(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new MissingConfigurationException(name));
    }
}
