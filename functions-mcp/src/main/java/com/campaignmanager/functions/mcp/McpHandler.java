package com.campaignmanager.functions.mcp;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.ServesRoutes;
import com.campaignmanager.shared.priming.ParallelStart;
import com.campaignmanager.shared.priming.Priming;
import java.util.Set;

/**
 * McpFunction: the MCP server (Streamable HTTP, stateless) through which the team's AI assistants read and operate
 * campaigns, as the signed-in caller and with exactly the rules of the HTTP routes: the same dispatcher resolves the
 * caller from the token through the team, and every tool calls the same application service as its route.
 */
public final class McpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        ServesRoutes {
    // First, so that the second thread runs while the rest of this initialiser builds the component.
    static {
        ParallelStart.begin();
    }

    // Built when the class initialises, in Lambda's init phase: with SnapStart it is part of the snapshot.
    private static final McpComponent COMPONENT = McpComponent.create();
    private static final RouteDispatcher DISPATCHER = COMPONENT.dispatcher();
    // Held here because CRaC keeps resources weakly; primes in init, and again before a SnapStart snapshot.
    private static final Priming PRIMING = McpComponent.priming(COMPONENT).primeAndRegister();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return DISPATCHER.dispatch(event, context);
    }

    @Override
    public Set<String> routeKeys() {
        return DISPATCHER.routeKeys();
    }
}
