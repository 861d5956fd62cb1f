package com.campaignmanager.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.functions.mcp.McpHandler;
import java.util.Map;

/**
 * McpFunction in a new JVM, from its own jar: class init (the component, the MCP server and its tools), then one
 * tool call as an assistant makes it — the caller matched to the team, list_campaigns, the result checked against
 * the tool's output schema.
 */
public final class McpProbe {
    private McpProbe() {
    }

    /** The JSON-RPC request of {@code tools/call list_campaigns}, five at most. */
    static final String LIST_CAMPAIGNS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
            + "\"params\":{\"name\":\"list_campaigns\",\"arguments\":{\"limit\":5}}}";

    /** {@code tools/call list_campaigns} as an assistant posts it, by the caller the token {@code claims} describe. */
    public static APIGatewayV2HTTPEvent listCampaigns(Map<String, String> claims) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST /mcp").withRawPath("/mcp")
                .withHeaders(Map.of("accept", "application/json, text/event-stream", "content-type", "application/json",
                        "mcp-protocol-version", "2025-11-25"))
                .withBody(LIST_CAMPAIGNS)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("probe-mcp")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(claims).build())
                                .build()).build())
                .build();
    }

    public static void main(String[] args) {
        ProbeReport report = new ProbeReport();
        McpHandler handler = new McpHandler();
        report.step("init");
        APIGatewayV2HTTPEvent event = listCampaigns(Map.of("sub", "probe", "email", "probe@example.com",
                "email_verified", "true", "cognito:groups", "[viewer]"));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        if (response.getStatusCode() != 200 || !response.getBody().contains("\"isError\":false")) {
            throw new IllegalStateException("list_campaigns answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        report.step("firstCall");
        report.printAndExit();
    }
}
