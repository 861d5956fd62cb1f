package com.campaignmanager.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.campaignmanager.local.lambda.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One function of template.yaml in a new JVM, as Lambda runs it: the handler class initialised (init, which
 * primes unless {@code -Dcampaignmanager.priming=off}), the first request, then {@code warm} more requests of
 * which the median is reported, and the peak RSS at the end.
 *
 * <p>Arguments: {@code HANDLER_CLASS warm api|api-public ROUTE_KEY RAW_PATH [BODY [EXPECTED]]} ({@code api-public}:
 * no token claims, as API Gateway passes a public route's requests; {@code EXPECTED}: text the answer must hold, where
 * a failure is a 200 too, as an MCP tool's is), or {@code HANDLER_CLASS warm job}.
 */
public final class FunctionProbe {
    /** The signed-in caller of the API requests: the first admin (ADMIN_EMAIL), who becomes a member. */
    static final String ADMIN_EMAIL = "bench-admin@example.com";

    private FunctionProbe() {
    }

    public static void main(String[] args) throws Exception {
        ProbeReport report = new ProbeReport();
        String handlerClass = args[0];
        int warm = Integer.parseInt(args[1]);
        Object handler = Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        report.step("init");
        report.value("classes", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        Runnable request = request(handler, args);
        // With -Xlog:class+load on stdout, this line separates what init loaded from what the first request did.
        System.out.println("first request");
        long started = System.nanoTime();
        request.run();
        report.value("firstUs", (System.nanoTime() - started) / 1_000);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
            long t = System.nanoTime();
            request.run();
            times.add((System.nanoTime() - t) / 1_000);
        }
        if (!times.isEmpty()) {
            report.value("warmMedianUs", ColdStartBenchmark.median(times));
        }
        report.printAndExit();
    }

    @SuppressWarnings("unchecked")
    private static Runnable request(Object handler, String[] args) {
        LocalContext context = new LocalContext("bench-request", "bench", 30);
        if (args[2].equals("job")) {
            RequestStreamHandler job = (RequestStreamHandler) handler;
            byte[] event = "{\"id\":\"bench-event\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{}}"
                    .getBytes(StandardCharsets.UTF_8);
            return () -> {
                try {
                    job.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), context);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
        boolean signedIn = !args[2].equals("api-public");
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api =
                (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
        String routeKey = args[3];
        String rawPath = args[4];
        String body = args.length > 5 ? args[5] : null;
        String expected = args.length > 6 ? args[6] : null;
        return () -> {
            APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
            requestContext.setRequestId("bench-request");
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(Map.of("sub", "bench-admin", "email", ADMIN_EMAIL, "email_verified", "true",
                    "cognito:groups", "[admin]"));
            authorizer.setJwt(jwt);
            if (signedIn) {
                requestContext.setAuthorizer(authorizer);
            }
            int question = rawPath.indexOf('?');
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withRouteKey(routeKey)
                    .withRawPath(question < 0 ? rawPath : rawPath.substring(0, question))
                    .withRawQueryString(question < 0 ? null : rawPath.substring(question + 1))
                    .withQueryStringParameters(question < 0 ? null : query(rawPath.substring(question + 1)))
                    // Mailjet's webhook authenticates with Basic; McpFunction wants MCP's Accept and version headers.
                    .withHeaders(Map.of("content-type", "application/json", "authorization",
                            "Basic " + Base64.getEncoder().encodeToString(
                                    "mailjet:local-webhook-secret".getBytes(StandardCharsets.UTF_8)),
                            "accept", "application/json, text/event-stream", "mcp-protocol-version", "2025-11-25"))
                    .withBody(body)
                    .withRequestContext(requestContext)
                    .build();
            APIGatewayV2HTTPResponse response = api.handleRequest(event, context);
            if (response.getStatusCode() >= 300) {
                throw new IllegalStateException(routeKey + " answered " + response.getStatusCode());
            }
            if (expected != null && (response.getBody() == null || !response.getBody().contains(expected))) {
                throw new IllegalStateException(routeKey + " answered without " + expected + ": " + response.getBody());
            }
        };
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return parameters;
    }
}
