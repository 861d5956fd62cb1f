package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.config.InvalidConfigurationException;

/**
 * {@code UNSUBSCRIBE_SIGNING_KEY}, the key of the unsubscribe tokens: required everywhere it is used, at least 32
 * characters, so that a function without it stops at start instead of signing with a known one.
 */
public record UnsubscribeSigningKey(String value) {
    public static final String VARIABLE = "UNSUBSCRIBE_SIGNING_KEY";
    static final int MIN_LENGTH = 32;

    public UnsubscribeSigningKey {
        if (value == null || value.length() < MIN_LENGTH) {
            throw InvalidConfigurationException.ofSecret(VARIABLE, "at least " + MIN_LENGTH + " characters");
        }
    }

    public static UnsubscribeSigningKey from(Environment environment) {
        return new UnsubscribeSigningKey(environment.required(VARIABLE));
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "UnsubscribeSigningKey[" + value.length() + " characters]";
    }
}
