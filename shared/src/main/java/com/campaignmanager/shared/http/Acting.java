package com.campaignmanager.shared.http;

/**
 * Who acts and the request it came with: what every application service takes, whatever the entry point (a
 * route, a job, an assistant's tool call), so that role checks and the audit trail see the same caller.
 */
public record Acting(Caller caller, String requestId) {
    /** The name the audit trail records for the caller. */
    public String actor() {
        return caller.actor();
    }
}
