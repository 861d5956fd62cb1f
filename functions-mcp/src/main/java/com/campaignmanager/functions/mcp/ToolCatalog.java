package com.campaignmanager.functions.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.List;

/**
 * The server's tools and what it reads and checks their calls with: the protocol's JSON mapper (tolerant of fields a
 * newer client adds, unlike the API's strict one), the JSON Schema validator (which keeps each schema it compiled),
 * and {@link ToolCalls}. One per container; priming answers through it too.
 */
record ToolCatalog(ObjectMapper protocol, JsonSchemaValidator validator, ToolCalls calls, List<Tool> tools) {
    ToolCatalog {
        tools = List.copyOf(tools);
    }

    Tool named(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool " + name));
    }
}
