package com.campaignmanager.local.deploy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.functions.mcp.McpHandler;
import com.campaignmanager.local.bench.McpProbe;
import com.campaignmanager.local.lambda.LocalContext;
import java.util.Map;

/**
 * Runs in a JVM whose classpath starts with McpFunction's own jar: its init, primed as the test's settings ask, then
 * one tool call as an assistant makes it, signed in as {@code ADMIN_EMAIL} (who becomes the first admin).
 */
public final class McpPrimingProbe {
    private McpPrimingProbe() {
    }

    public static void main(String[] args) throws Exception {
        McpHandler handler = new McpHandler();
        System.out.println("SERVING");
        String email = System.getenv("ADMIN_EMAIL");
        APIGatewayV2HTTPEvent event = McpProbe.listCampaigns(Map.of("sub", "sub-" + email, "email", email,
                "email_verified", "true", "cognito:groups", "[admin]"));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event,
                new LocalContext("probe-request", "McpFunction", 30));
        System.out.println("RESULT " + response.getStatusCode() + " " + response.getBody());
        System.exit(0);
    }
}
