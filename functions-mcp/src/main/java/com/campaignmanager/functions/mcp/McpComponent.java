package com.campaignmanager.functions.mcp;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.campaigns.ListUsageModule;
import com.campaignmanager.shared.campaigns.SegmentUsageModule;
import com.campaignmanager.shared.config.Environment;
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
import java.util.ArrayList;
import java.util.List;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, EmailModule.class,
        NotificationsModule.class, ListUsageModule.class, SegmentUsageModule.class, McpComponent.ServerModule.class})
interface McpComponent {

    RouteDispatcher dispatcher();

    static McpComponent create() {
        return DaggerMcpComponent.create();
    }

    /**
     * Priming: requests answered by the real routing, transport checks and problem mapping before any SQL (a request
     * the transport refuses, the refused stream, the public metadata), so that nothing is read or written.
     */
    static Priming priming(RouteDispatcher dispatcher) {
        return Priming.of(
                // Without the Accept header MCP requires: the transport's 400 JSON-RPC error, before any caller lookup.
                PrimingCall.request(dispatcher, "POST /mcp", "/mcp", 400),
                PrimingCall.request(dispatcher, "GET /mcp", "/mcp", 405),
                PrimingCall.request(dispatcher, "GET /.well-known/oauth-protected-resource",
                        "/.well-known/oauth-protected-resource", 200),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404));
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

        /** The transport, with the server built on it (the server hands the transport its request handler). */
        @Provides
        @Singleton
        static GatewayTransport transport(McpSettings settings, ObjectMapper api, RoundTools rounds,
                                          CampaignTools campaigns, ActivityTools activity, AudienceTools audience,
                                          TeamworkTools teamwork, TemplateTools templates, SegmentTools segments) {
            // The protocol's own mapper: a newer client's extra fields are ignored, not refused as in API bodies.
            ObjectMapper protocol = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            DefaultJsonSchemaValidator validator = new DefaultJsonSchemaValidator(protocol);
            GatewayTransport transport = new GatewayTransport(protocol, settings);
            ToolCalls calls = new ToolCalls(api, validator);
            List<Tool> tools = new ArrayList<>();
            tools.addAll(activity.tools());
            tools.addAll(campaigns.tools());
            tools.addAll(rounds.tools());
            tools.addAll(audience.tools());
            tools.addAll(teamwork.tools());
            tools.addAll(templates.tools());
            tools.addAll(segments.tools());
            McpServer.sync(transport)
                    .serverInfo(new McpSchema.Implementation("campaign-manager", "Campaign manager", "0.1.0"))
                    .instructions(INSTRUCTIONS)
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                    .jsonMapper(new JacksonMcpJsonMapper(protocol))
                    .jsonSchemaValidator(validator)
                    // Arguments are checked by ToolCalls, so that a call that does not fit is a JSON-RPC error.
                    .validateToolInputs(false)
                    // On the invocation's own thread: no scheduler threads in a Lambda container.
                    .immediateExecution(true)
                    .tools(tools.stream().map(calls::specification).toList())
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
