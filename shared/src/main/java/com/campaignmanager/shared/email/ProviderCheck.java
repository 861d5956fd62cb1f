package com.campaignmanager.shared.email;

/**
 * The provider's readiness, for preflight: {@code configured} when its settings are present, {@code reachable}
 * when a cheap authenticated call succeeded just now; {@code detail} says what was found, never a secret.
 */
public record ProviderCheck(boolean configured, boolean reachable, String detail) {
    public boolean ready() {
        return configured && reachable;
    }
}
