package com.campaignmanager.shared.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where configuration comes from: the function's environment variables (set by template.yaml). A JVM system
 * property of the same name is the fallback, so that the tests, which run handlers in-process and cannot change
 * the environment, configure them the same way. The local runner, which runs every function in one JVM, instead
 * gives each function exactly its own variables with {@link #withVariables}.
 *
 * <p>This is the one parser of settings: every settings record reads its variables through these methods, so
 * a value is trimmed, a blank one is absent, and a malformed one stops the function at start with an
 * {@link InvalidConfigurationException} naming the variable (never a silent fallback to the default). Only
 * {@link SettingsModule} reads the process environment ({@link #system()}); tests build their own with
 * {@link #of(Map)}.
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

    /** The trimmed value; empty when unset or blank. */
    public Optional<String> optional(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The trimmed value, or a {@link MissingConfigurationException} naming the variable. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> new MissingConfigurationException(name));
    }

    /** A whole number from {@code min} to {@code max}; {@code defaultValue} when unset. */
    public int optionalInt(String name, int defaultValue, int min, int max) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String expected = "a whole number from " + min + " to " + max;
        int number;
        try {
            number = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name, value.get(), expected);
        }
        if (number < min || number > max) {
            throw new InvalidConfigurationException(name, value.get(), expected);
        }
        return number;
    }

    /**
     * A whole number of {@code unit}s (the variable's name says which: {@code _DAYS}, {@code _HOURS}) from
     * {@code min} to {@code max}; {@code defaultAmount} when unset.
     */
    public Duration optionalDuration(String name, ChronoUnit unit, int defaultAmount, int min, int max) {
        return Duration.of(optionalInt(name, defaultAmount, min, max), unit);
    }

    /** {@code true} or {@code false} (any case); {@code defaultValue} when unset. */
    public boolean optionalBoolean(String name, boolean defaultValue) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfigurationException(name, value.get(), "true or false");
        };
    }

    /** Comma-separated items, each trimmed, empty ones dropped; an empty list when unset. */
    public List<String> optionalList(String name) {
        return optional(name).map(value -> Arrays.stream(value.split(",")).map(String::strip)
                .filter(item -> !item.isEmpty()).toList()).orElse(List.of());
    }

    /** One of {@code allowed} (any case, answered as written in {@code allowed}); {@code defaultValue} when unset. */
    public String optionalChoice(String name, String defaultValue, List<String> allowed) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return allowed.stream().filter(choice -> choice.equalsIgnoreCase(value.get())).findFirst()
                .orElseThrow(() -> new InvalidConfigurationException(name, value.get(),
                        "one of " + String.join(", ", allowed)));
    }

    /** An absolute http(s) URL with a host; empty when unset. */
    public Optional<URI> optionalUrl(String name) {
        return optional(name).map(value -> {
            String expected = "an absolute http(s) URL such as https://example.com";
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw new InvalidConfigurationException(name, value, expected);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidConfigurationException(name, value, expected);
            }
            return uri;
        });
    }

    /** What {@link #withVariables} runs. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }
}
