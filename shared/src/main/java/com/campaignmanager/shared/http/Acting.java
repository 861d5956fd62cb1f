package com.campaignmanager.shared.http;

/**
 * Who acts, and the request it came with (for the audit trail): what every application service takes first,
 * whichever entry point (a route, a job, an assistant's tool) calls it. The service checks the caller's role itself.
 */
public record Acting(Caller caller, String requestId) {
    /** Who did it, for audit trails: see {@link Caller#actor()}. */
    public String actor() {
        return caller.actor();
    }
}
