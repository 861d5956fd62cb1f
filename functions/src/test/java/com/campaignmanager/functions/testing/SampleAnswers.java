package com.campaignmanager.functions.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * What a sample event of events/ (as {@code @Events} hands it, through Lambda's serializer) must get from its
 * function behind the JWT authorizer: the status its route promises the sample's caller, and 401 without a token.
 */
public final class SampleAnswers {
    private SampleAnswers() {
    }

    /** {@code statusByRoute}: each route with a sample, and the status its sample's caller gets. */
    public static void check(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                             APIGatewayV2HTTPEvent sample, Map<String, Integer> statusByRoute) {
        String route = sample.getRouteKey();
        assertThat(statusByRoute).as("the status a sample of %s expects", route).containsKey(route);

        APIGatewayV2HTTPResponse answer = handler.handleRequest(sample, null);
        assertThat(answer.getStatusCode()).as(route + ": " + answer.getBody()).isEqualTo(statusByRoute.get(route));
        assertThat(answer.getHeaders()).as(route).containsEntry("content-type",
                answer.getStatusCode() < 400 ? "application/json" : "application/problem+json");

        sample.getRequestContext().setAuthorizer(null);
        APIGatewayV2HTTPResponse anonymous = handler.handleRequest(sample, null);
        assertThat(anonymous.getStatusCode()).as(route + " without a token: " + anonymous.getBody()).isEqualTo(401);
    }
}
