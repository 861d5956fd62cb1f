package com.campaignmanager.local.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mailjet's Send API on this machine (WireMock, as the tests use): every {@code POST /v3.1/send} is accepted
 * after {@code latencyMs}, with a success for each of up to 50 messages, and the credentials check answers at
 * once. It counts the send calls and the most it had in flight at one time. No request journal: a 100,000-message
 * round would keep every request body on the heap.
 */
final class MailjetStandIn implements AutoCloseable {
    private final WireMockServer server;
    private final InFlight inFlight = new InFlight();

    MailjetStandIn(int latencyMs, int maxConcurrentCalls) {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(Math.max(20, 2 * maxConcurrentCalls + 10)).disableRequestJournal()
                .notifier(new ConsoleNotifier(false)).extensions(inFlight));
        server.start();
        server.stubFor(get(urlPathEqualTo("/v3/REST/apikey")).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json").withBody("{\"Count\":1,\"Data\":[{}],\"Total\":1}")));
        StringBuilder messages = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            messages.append(i == 0 ? "" : ",").append("{\"Status\":\"success\",\"To\":[{\"Email\":\"x@example.com\","
                    + "\"MessageUUID\":\"bench-").append(i).append("\",\"MessageID\":").append(1_000_000 + i)
                    .append("}]}");
        }
        server.stubFor(post(urlPathEqualTo("/v3.1/send")).willReturn(aResponse().withStatus(200)
                .withHeader("content-type", "application/json").withFixedDelay(latencyMs)
                .withBody("{\"Messages\":[" + messages + "]}")));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Send calls answered so far. */
    int sendCalls() {
        return inFlight.calls.get();
    }

    /** The most send calls open at one time so far. */
    int maxInFlight() {
        return inFlight.max.get();
    }

    void resetCounts() {
        inFlight.calls.set(0);
        inFlight.max.set(0);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Counted from request received to answer written, for send calls only. */
    private static final class InFlight implements ServeEventListener {
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public void beforeMatch(ServeEvent event, Parameters parameters) {
            if (isSend(event)) {
                int now = open.incrementAndGet();
                max.accumulateAndGet(now, Math::max);
            }
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            if (isSend(event)) {
                open.decrementAndGet();
                calls.incrementAndGet();
            }
        }

        private static boolean isSend(ServeEvent event) {
            return event.getRequest().getUrl().startsWith("/v3.1/send");
        }

        @Override
        public String getName() {
            return "mailjet-calls-in-flight";
        }
    }
}
