package com.campaignmanager.shared.config;

/**
 * A setting is present but unusable (not a number, out of its range, not a URL): the function cannot start, and
 * the message names the variable, what is wrong with its value and what it accepts. A secret's value is never
 * shown.
 */
public final class InvalidConfigurationException extends IllegalStateException {
    private static final int SHOWN = 100;

    private final String variable;

    /** {@code expected}: what the variable accepts, e.g. "a whole number from 1 to 168". */
    public InvalidConfigurationException(String variable, String value, String expected) {
        super("Invalid environment variable " + variable + "='" + shown(value) + "': it must be " + expected
                + " (set it in template.yaml, or as a system property when running locally)");
        this.variable = variable;
    }

    /** For a secret: says what is wrong without the value. */
    public static InvalidConfigurationException ofSecret(String variable, String expected) {
        return new InvalidConfigurationException(variable, expected);
    }

    private InvalidConfigurationException(String variable, String expected) {
        super("Invalid environment variable " + variable + " (value not shown): it must be " + expected
                + " (set it in template.yaml, or as a system property when running locally)");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }

    private static String shown(String value) {
        return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
    }
}
