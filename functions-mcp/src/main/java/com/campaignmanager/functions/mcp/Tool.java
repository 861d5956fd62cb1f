package com.campaignmanager.functions.mcp;

import com.campaignmanager.shared.http.Acting;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * One tool: what an assistant reads about it (name, description, the JSON Schemas of its arguments and result,
 * hints for the client's confirmation prompts) and the operation it runs, which is an application service's, called
 * with the caller's identity: the service checks the role and audits, as for the HTTP route.
 */
record Tool(String name, String title, String description, Map<String, Object> inputSchema,
            Map<String, Object> outputSchema, McpSchema.ToolAnnotations annotations, Operation operation) {

    /** What the tool does: the result becomes {@code structuredContent}; a refusal is thrown as an ApiProblem. */
    @FunctionalInterface
    interface Operation {
        Object run(Acting acting, ToolArguments arguments);
    }

    /** Reads only: clients may call it without asking. */
    static McpSchema.ToolAnnotations reads() {
        return new McpSchema.ToolAnnotations(null, true, false, true, false, null);
    }

    /**
     * Changes something. {@code destructive}: it may overwrite or end what someone set up; {@code idempotent}: the
     * same call again changes nothing more.
     */
    static McpSchema.ToolAnnotations changes(boolean destructive, boolean idempotent) {
        return new McpSchema.ToolAnnotations(null, false, destructive, idempotent, false, null);
    }
}
