package com.campaignmanager.functions.tasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.ServesRoutes;
import java.util.Set;

/** TasksFunction: tasks around campaigns and rounds, assigned to members. */
public final class TasksHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        ServesRoutes {
    // Built when the class initialises, in Lambda's init phase: with SnapStart it is part of the snapshot.
    private static final RouteDispatcher DISPATCHER = TasksComponent.create().dispatcher();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return DISPATCHER.dispatch(event, context);
    }

    @Override
    public Set<String> routeKeys() {
        return DISPATCHER.routeKeys();
    }
}
