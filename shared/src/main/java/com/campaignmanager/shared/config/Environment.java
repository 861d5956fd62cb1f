package com.campaignmanager.shared.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where configuration comes from: the function's environment variables (set by template.yaml). A JVM system
 * property of the same name is the fallback, so that the tests, which run handlers in-process and cannot change
 * the environment, configure them the same way. The local runner, which runs every function in one JVM, instead
 * gives each function exactly its own variables with {@link #withVariables}.
 */
public final class Environment {
    // Set only by the local runner, around a function's initialisation and each of its invocations; never on AWS.
    private static final ThreadLocal<Map<String, String>> FUNCTION_VARIABLES = new ThreadLocal<>();

    private final Function<String, String> lookup;

    private Environment(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The current function's variables: captured now, so a value read later (another thread) is still its own. */
    public static Environment system() {
        Map<String, String> variables = FUNCTION_VARIABLES.get();
        if (variables != null) {
            return new Environment(variables::get);
        }
        return new Environment(name -> {
            String value = System.getenv(name);
            return value != null ? value : System.getProperty(name);
        });
    }

    public static Environment of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Environment(copy::get);
    }

    /**
     * Runs {@code work} on this thread with {@link #system()} answering from {@code variables} only: neither the
     * process environment nor system properties, so a variable the function's template entry lacks is missing,
     * as it is on AWS.
     */
    public static <T, E extends Exception> T withVariables(Map<String, String> variables, Work<T, E> work) throws E {
        Map<String, String> outer = FUNCTION_VARIABLES.get();
        FUNCTION_VARIABLES.set(Map.copyOf(variables));
        try {
            return work.run();
        } finally {
            if (outer == null) {
                FUNCTION_VARIABLES.remove();
            } else {
                FUNCTION_VARIABLES.set(outer);
            }
        }
    }

    public Optional<String> optional(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new MissingConfigurationException(name));
    }

    /** What {@link #withVariables} runs. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }
}
