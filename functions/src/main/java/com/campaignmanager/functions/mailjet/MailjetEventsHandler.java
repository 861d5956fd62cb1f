package com.campaignmanager.functions.mailjet;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.ServesRoutes;
import com.campaignmanager.shared.priming.ParallelStart;
import com.campaignmanager.shared.priming.Priming;
import java.util.Set;

/** MailjetEventsFunction: Mailjet's event webhook - bounces, complaints and unsubscribes onto the suppression list. */
public final class MailjetEventsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        ServesRoutes {
    // First, so that the second thread runs while the rest of this initialiser builds the component.
    static {
        ParallelStart.begin();
    }

    // Built when the class initialises, in Lambda's init phase: with SnapStart it is part of the snapshot.
    private static final MailjetEventsComponent COMPONENT = MailjetEventsComponent.create();
    private static final RouteDispatcher DISPATCHER = COMPONENT.dispatcher();
    // Held here because CRaC keeps resources weakly; primes in init, and again before a SnapStart snapshot.
    private static final Priming PRIMING = MailjetEventsComponent.priming(DISPATCHER, COMPONENT.json())
            .primeAndRegister();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return DISPATCHER.dispatch(event, context);
    }

    @Override
    public Set<String> routeKeys() {
        return DISPATCHER.routeKeys();
    }
}
