package com.campaignmanager.functions.mcp;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.CampaignStatus;
import com.campaignmanager.shared.campaigns.ListUsageModule;
import com.campaignmanager.shared.campaigns.SegmentUsageModule;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.email.EmailModule;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.NotificationsModule;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import com.campaignmanager.shared.team.TeamModule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, EmailModule.class,
        NotificationsModule.class, ListUsageModule.class, SegmentUsageModule.class, McpComponent.ServerModule.class})
interface McpComponent {

    RouteDispatcher dispatcher();

    ToolCatalog tools();

    static McpComponent create() {
        return DaggerMcpComponent.create();
    }

    /**
     * Priming, none of it reaching the database: requests answered by the real routing, transport checks and
     * problem mapping before any SQL (a request the transport refuses, the refused stream, the public metadata);
     * and, before a snapshot only, JSON-RPC messages through the transport and the SDK's server without a token
     * (initialize, the tool list, and a tool call the tool refuses, as it refuses anyone not signed in, before any
     * SQL) and a made-up page of one campaign answered as list_campaigns answers it and checked against its output
     * schema: after a restore the first tool call took 41 ms with the first four alone, 15-19 ms with all (warm:
     * ~8 ms); in an on-demand init, run once, they cost McpFunction ~60 ms more than they saved its first call.
     */
    static Priming priming(McpComponent component) {
        RouteDispatcher dispatcher = component.dispatcher();
        ToolCatalog catalog = component.tools();
        return Priming.of(
                // Without the Accept header MCP requires: the transport's 400 JSON-RPC error, before any caller lookup.
                PrimingCall.request(dispatcher, "POST /mcp", "/mcp", 400),
                PrimingCall.request(dispatcher, "GET /mcp", "/mcp", 405),
                PrimingCall.request(dispatcher, "GET /.well-known/oauth-protected-resource",
                        "/.well-known/oauth-protected-resource", 200),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404)
        ).beforeSnapshotAlso(
                message(dispatcher, "initialize", "{\"protocolVersion\":\"" + ProtocolVersions.MCP_2025_11_25
                        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"priming\",\"version\":\"0\"}}",
                        "\"serverInfo\""),
                message(dispatcher, "tools/list", "{}", "\"list_campaigns\""),
                message(dispatcher, "tools/call", "{\"name\":\"list_campaigns\",\"arguments\":{\"limit\":5}}",
                        "\"isError\":true"),
                new PrimingCall("list_campaigns result", () -> catalog.calls().prime(catalog.named("list_campaigns"),
                        new Page<>(List.of(new Campaign(PrimingCall.ID, "Priming", "made up", "priming@example.com",
                                "Priming", null, "UTC", CampaignStatus.ACTIVE, "priming", Instant.EPOCH,
                                Instant.EPOCH)), "priming"))));
    }

    /** One JSON-RPC request as an assistant posts it, without a token; its answer must hold {@code expected}. */
    private static PrimingCall message(RouteDispatcher dispatcher, String method, String params, String expected) {
        return PrimingCall.request(dispatcher, "POST /mcp", "/mcp", Map.of("content-type", "application/json",
                        "accept", "application/json, text/event-stream",
                        "mcp-protocol-version", ProtocolVersions.MCP_2025_11_25),
                "{\"jsonrpc\":\"2.0\",\"id\":\"" + PrimingCall.REQUEST_ID + "\",\"method\":\"" + method
                        + "\",\"params\":" + params + "}", 200, expected);
    }

    @Module
    final class ServerModule {
        static final String INSTRUCTIONS = """
                campaign-manager sends the team's e-mail campaigns in rounds; a round goes out only after someone \
                other than its author approved it (four eyes). With these tools you read and operate campaigns as \
                the signed-in user, with exactly their role: viewers read (no personal data), editors create and \
                edit campaigns, rounds and tasks, approvers approve or reject rounds, never one they submitted or \
                changed. To answer what went out when, and who approved it, use find_sends; get_round, \
                get_campaign, upcoming_rounds and list_approvals show where rounds stand; audit_trail tells who did \
                what. Before approve_round or reject_round, read the round with get_round and pass its version. \
                No tool sends a round immediately: an approved round goes out at its scheduled time; a round that is \
                sending can be paused (pause_round), resumed (resume_round) or stopped for good with a reason \
                (stop_round), by the roles the user has. Before submitting a round, audience_preview says how \
                many it would reach (its lists, excluded lists and conditions, or a saved segment from \
                list_segments) and preview_round shows the message as a recipient gets it (its template from \
                list_templates, merge fields, unsubscribe link). Times are \
                ISO-8601 with their offset; a round's times are in its campaign's time zone. A refused operation \
                answers isError with the reason: tell the user, do not work around it.""";

        private ServerModule() {
        }

        @Provides
        @Singleton
        static McpSettings mcpSettings(Environment environment) {
            return McpSettings.from(environment);
        }

        @Provides
        @Singleton
        static ToolCatalog tools(ObjectMapper api, RoundTools rounds, CampaignTools campaigns, ActivityTools activity,
                                 AudienceTools audience, TeamworkTools teamwork, TemplateTools templates,
                                 SegmentTools segments) {
            // The protocol's own mapper: a newer client's extra fields are ignored, not refused as in API bodies.
            ObjectMapper protocol = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator(protocol);
            List<Tool> tools = new ArrayList<>();
            tools.addAll(activity.tools());
            tools.addAll(campaigns.tools());
            tools.addAll(rounds.tools());
            tools.addAll(audience.tools());
            tools.addAll(teamwork.tools());
            tools.addAll(templates.tools());
            tools.addAll(segments.tools());
            return new ToolCatalog(protocol, validator, new ToolCalls(api, validator), tools);
        }

        /** The transport, with the server built on it (the server hands the transport its request handler). */
        @Provides
        @Singleton
        static GatewayTransport transport(McpSettings settings, ToolCatalog catalog) {
            GatewayTransport transport = new GatewayTransport(catalog.protocol(), settings);
            McpServer.sync(transport)
                    .serverInfo(new McpSchema.Implementation("campaign-manager", "Campaign manager", "0.1.0"))
                    .instructions(INSTRUCTIONS)
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                    .jsonMapper(new JacksonMcpJsonMapper(catalog.protocol()))
                    .jsonSchemaValidator(catalog.validator())
                    // Arguments are checked by ToolCalls, so that a call that does not fit is a JSON-RPC error.
                    .validateToolInputs(false)
                    // On the invocation's own thread: no scheduler threads in a Lambda container.
                    .immediateExecution(true)
                    .tools(catalog.tools().stream().map(catalog.calls()::specification).toList())
                    .build();
            return transport;
        }

        @Provides
        @Singleton
        static Routes routes(McpRoutes mcp) {
            Routes.Builder routes = Routes.builder();
            mcp.addTo(routes);
            return routes.build();
        }
    }
}
