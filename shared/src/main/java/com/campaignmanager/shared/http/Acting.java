package com.campaignmanager.shared.http;

/**
 * Who acts, and the request it came with (for the audit trail): what every application service takes first,
 * whichever entry point (a route, a job, an assistant's tool) calls it. The service checks the caller's role itself.
 */
public record Acting(Caller caller, String requestId) {
    /** What the request id of a call through the MCP server starts with. */
    public static final String MCP_PREFIX = "mcp:";

    /**
     * An assistant's tool call through the MCP server: its request id is the API request's, prefixed with
     * {@value #MCP_PREFIX}, so that every audit entry the call writes (they keep the request id) says it came that way.
     */
    public static Acting throughMcp(Caller caller, String requestId) {
        return new Acting(caller, MCP_PREFIX + requestId);
    }

    /** Who did it, for audit trails: see {@link Caller#actor()}. */
    public String actor() {
        return caller.actor();
    }
}
