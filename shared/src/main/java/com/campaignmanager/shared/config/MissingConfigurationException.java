package com.campaignmanager.shared.config;

/** A required setting is absent: the function cannot start, and the message says which variable to set. */
public final class MissingConfigurationException extends IllegalStateException {
    private final String variable;

    public MissingConfigurationException(String variable) {
        super("Missing required environment variable " + variable
                + " (give it to the function in template.yaml)");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
