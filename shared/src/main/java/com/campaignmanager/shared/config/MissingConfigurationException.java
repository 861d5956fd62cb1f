package com.campaignmanager.shared.config;

/** A required setting is absent: the function cannot start, and the message says which variable to set. */
public final class MissingConfigurationException extends IllegalStateException {
    private final String variable;

    public MissingConfigurationException(String variable) {
        super("Missing required environment variable " + variable
                + " (set it in template.yaml, or as a system property when running locally)");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
