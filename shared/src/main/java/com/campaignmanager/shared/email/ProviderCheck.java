package com.campaignmanager.shared.email;

/**
 * The provider's readiness, for preflight: {@code configured} when its settings are present, {@code reachable}
 * when a cheap authenticated call succeeded just now; {@code transientProblem} when it was not reachable for a
 * reason that passes (no answer, 429, 5xx) rather than one that needs a person (refused credentials);
 * {@code detail} says what was found, never a secret.
 */
public record ProviderCheck(boolean configured, boolean reachable, boolean transientProblem, String detail) {
    public ProviderCheck(boolean configured, boolean reachable, String detail) {
        this(configured, reachable, false, detail);
    }

    public boolean ready() {
        return configured && reachable;
    }
}
