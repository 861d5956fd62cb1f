package com.campaignmanager.shared.http;

/** Turns the caller a token describes into the caller the team knows: member id and the member's role. */
@FunctionalInterface
public interface CallerDirectory {
    Caller resolve(Caller fromToken);

    /** Roles from the token only, for functions without a team. */
    static CallerDirectory tokenOnly() {
        return caller -> caller;
    }
}
