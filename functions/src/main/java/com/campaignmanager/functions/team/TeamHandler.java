package com.campaignmanager.functions.team;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** TeamFunction: the caller ({@code GET /me}); team members and roles come with the team workflow. */
public final class TeamHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final TeamComponent COMPONENT = TeamComponent.create();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return COMPONENT.dispatcher().dispatch(event, context);
    }
}
