package com.campaignmanager.local.mcp;

import static com.campaignmanager.local.mcp.McpFixture.JSON;
import static com.campaignmanager.local.mcp.McpFixture.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tools through the official MCP Java SDK's client, over HTTP against the local runner, as the team's members
 * (each with a token of their own and their role in the team): every tool once with a valid and once with an
 * invalid call, the role checks and four eyes exactly as over HTTP, and the Round 3 question — what went out today,
 * and who approved it — answered through find_sends.
 */
@ExtendWith(LocalDataApiExtension.class)
class McpToolsTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> TOOLS = Set.of("find_sends", "get_round", "list_campaigns", "get_campaign",
            "upcoming_rounds", "list_approvals", "preflight_round", "round_metrics", "recipient_history", "search",
            "dashboard", "audit_trail", "list_tasks", "my_notifications", "create_campaign", "create_round",
            "update_round", "submit_round", "approve_round", "reject_round", "cancel_round", "pause_round",
            "resume_round", "stop_round", "copy_round", "create_task", "suppress_address", "list_templates",
            "preview_round", "audience_preview", "list_segments");
    /** Tools only a sending or paused round takes validly: the table calls them on drafts (refused, 409). */
    private static final Set<String> ONLY_REFUSED = Set.of("approve_round", "pause_round", "resume_round",
            "stop_round");

    private static String editorEmail;
    private static String approverEmail;
    private static McpSyncClient editor;
    private static McpSyncClient approver;
    private static McpSyncClient viewer;
    private static String editorToken;
    private static String approverToken;
    private static String listId;
    private static String contactEmail;
    private static String campaignId;

    @BeforeAll
    static void team() {
        String admin = McpFixture.token("mcp-admin-" + RUN, "admin");
        editorToken = McpFixture.token("mcp-editor-" + RUN, "viewer");
        approverToken = McpFixture.token("mcp-approver-" + RUN, "viewer");
        String viewerToken = McpFixture.token("mcp-viewer-" + RUN, "viewer");
        editorEmail = "mcp-editor-" + RUN + "@example.com";
        approverEmail = "mcp-approver-" + RUN + "@example.com";
        // Roles come from the team, not the tokens (which all say viewer), as over HTTP.
        api(admin, "POST", "/team/members", Map.of("email", editorEmail, "name", "Edith", "role", "editor"));
        api(admin, "POST", "/team/members", Map.of("email", approverEmail, "name", "Arno", "role", "approver"));
        api(admin, "POST", "/team/members", Map.of("email", "mcp-viewer-" + RUN + "@example.com", "name", "Vic",
                "role", "viewer"));
        listId = api(admin, "POST", "/lists", Map.of("name", "MCP " + RUN)).get("id").asText();
        contactEmail = "mcp-reader-" + RUN + "@example.com";
        api(admin, "POST", "/lists/" + listId + "/contacts", Map.of("email", contactEmail, "firstName", "Ria"));

        editor = McpFixture.client(editorToken);
        approver = McpFixture.client(approverToken);
        viewer = McpFixture.client(viewerToken);
        campaignId = ok(editor, "create_campaign", Map.of("name", "MCP " + RUN, "fromEmail", "news@example.com",
                "timezone", "Europe/Paris")).get("id").asText();
    }

    @AfterAll
    static void close() {
        for (McpSyncClient client : new McpSyncClient[] {editor, approver, viewer}) {
            if (client != null) {
                client.closeGracefully();
            }
        }
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /** A successful call's structured result, which must equal its text. */
    private static JsonNode ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertThat(result.isError()).as(tool + ": " + text).isFalse();
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        try {
            assertThat(JSON.readTree(text)).as("the text is the structured result").isEqualTo(structured);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return structured;
    }

    /** A refused operation's text: a result with isError, never a protocol error. */
    private static String refused(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertThat(result.isError()).as(tool + " should be refused: " + text).isTrue();
        assertThat(result.structuredContent()).isNull();
        return text;
    }

    private static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static String draft(String name) {
        return ok(editor, "create_round", args("campaignId", campaignId, "name", name, "subject", "Hello {{firstName}}",
                "textBody", "Hello {{firstName}}", "listIds", List.of(listId), "scheduledAt",
                OffsetDateTime.now(PARIS).plusDays(3).truncatedTo(ChronoUnit.SECONDS).toString())).get("id").asText();
    }

    @Test
    void initializeListsEveryToolWithSchemasAndHints() {
        McpSchema.ListToolsResult listed = viewer.listTools();

        assertThat(viewer.getServerInfo().name()).isEqualTo("campaign-manager");
        assertThat(viewer.getServerInstructions()).contains("approve_round");
        assertThat(listed.tools()).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        for (McpSchema.Tool tool : listed.tools()) {
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(60);
            assertThat(tool.inputSchema().get("type")).as(tool.name()).isEqualTo("object");
            assertThat(tool.inputSchema().get("additionalProperties")).as(tool.name()).isEqualTo(false);
            assertThat(tool.outputSchema()).as(tool.name()).containsEntry("type", "object");
            boolean reads = !tool.name().matches(
                    "(create|update|submit|approve|reject|cancel|pause|resume|stop|copy|suppress)_.*");
            assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isEqualTo(reads);
            assertThat(tool.annotations().destructiveHint()).as(tool.name()).isNotNull();
            assertThat(tool.annotations().idempotentHint()).as(tool.name()).isNotNull();
        }
        assertThat(listed.tools()).filteredOn(t -> t.name().equals("cancel_round") || t.name().equals("stop_round"))
                .hasSize(2).allMatch(t -> t.annotations().destructiveHint());
        // Pausing, resuming or stopping twice is refused the second time (409): not idempotent.
        assertThat(listed.tools()).filteredOn(t -> t.name().matches("(pause|resume|stop|copy)_round"))
                .hasSize(4).noneMatch(t -> t.annotations().idempotentHint());
        assertThat(listed.tools()).filteredOn(t -> t.name().equals("stop_round")).singleElement()
                .satisfies(t -> assertThat(t.inputSchema().get("required")).isEqualTo(List.of("roundId", "reason")));
        assertThat(listed.tools()).noneMatch(t -> t.name().contains("send_now") || t.name().contains("test_send"));
    }

    @Test
    void theRound3QuestionIsAnsweredThroughFindSendsAndDecisionsFollowFourEyes() {
        String roundId = draft("Round 3 " + RUN);
        assertThat(ok(viewer, "get_round", args("roundId", roundId)).get("lastPreflight").isNull()).isTrue();
        ok(editor, "submit_round", args("roundId", roundId));
        JsonNode submitted = ok(viewer, "get_round", args("roundId", roundId));
        int version = submitted.get("version").asInt();
        assertThat(submitted.get("status").asText()).isEqualTo("pending_approval");
        assertThat(submitted.at("/approval/submittedBy").asText()).isEqualTo(editorEmail);
        assertThat(submitted.at("/lastPreflight/result/ready").asBoolean()).as("kept by the submit").isTrue();

        assertThat(refused(viewer, "approve_round", args("roundId", roundId, "version", version)))
                .startsWith("403").contains("approver");
        assertThat(refused(editor, "approve_round", args("roundId", roundId, "version", version)))
                .startsWith("403").contains("approver");
        assertThat(refused(approver, "approve_round", args("roundId", roundId, "version", version - 1)))
                .startsWith("412").contains("changed since you saw it");
        JsonNode approved = ok(approver, "approve_round", args("roundId", roundId, "version", version));
        assertThat(approved.get("status").asText()).isEqualTo("scheduled");
        assertThat(approved.at("/approval/approvedBy").asText()).isEqualTo(approverEmail);
        assertThat(approved.at("/approval/approvedVersion").asInt()).isEqualTo(version);
        assertThat(approved.get("scheduledAt").asText()).endsWith(PARIS.getRules()
                .getOffset(OffsetDateTime.parse(approved.get("scheduledAt").asText()).toInstant()).getId());

        // Sending now is not a tool: the approver does it over HTTP, and the launch job sends it.
        api(approverToken, "POST", "/rounds/" + roundId + "/send-now", null);
        McpFixture.fire("LaunchDueRoundsFunction");

        String today = LocalDate.now(PARIS).toString();
        JsonNode sent = ok(viewer, "find_sends", args("from", today, "to", today, "timezone", "Europe/Paris",
                "limit", 50));
        assertThat(sent.get("timezone").asText()).isEqualTo("Europe/Paris");
        JsonNode round3 = null;
        for (JsonNode item : sent.get("items")) {
            if (item.get("roundId").asText().equals(roundId)) {
                round3 = item;
            }
        }
        assertThat(round3).as("Round 3 among what went out today: " + sent).isNotNull();
        assertThat(round3.get("approvedBy").asText()).isEqualTo(approverEmail);
        assertThat(round3.get("trigger").asText()).isEqualTo("manual");
        assertThat(round3.get("campaignName").asText()).isEqualTo("MCP " + RUN);
        assertThat(round3.get("sent").asInt()).isEqualTo(1);
        assertThat(round3.get("launchedAt").asText()).startsWith(today);

        // The audit trail names the approver, and the request id says it came through MCP.
        JsonNode trail = ok(viewer, "audit_trail", args("entityType", "round", "entityId", roundId));
        List<String> actions = new ArrayList<>();
        trail.get("items").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).contains("round.created", "round.submitted", "round.approved", "round.send_now");
        for (JsonNode entry : trail.get("items")) {
            String requestId = entry.at("/detail/requestId").asText();
            switch (entry.get("action").asText()) {
                case "round.approved" -> {
                    assertThat(entry.get("actor").asText()).isEqualTo(approverEmail);
                    assertThat(requestId).startsWith("mcp:");
                }
                case "round.created", "round.submitted" -> {
                    assertThat(entry.get("actor").asText()).isEqualTo(editorEmail);
                    assertThat(requestId).startsWith("mcp:");
                }
                case "round.send_now" -> assertThat(requestId).as("over HTTP").doesNotStartWith("mcp:");
                default -> { }
            }
        }

        // Did this address get this round? Personal data: the editor may know, the viewer may not.
        JsonNode history = ok(editor, "recipient_history", args("email", contactEmail.toUpperCase(), "roundId", roundId));
        assertThat(history.get("known").asBoolean()).isTrue();
        assertThat(history.at("/round/received").asBoolean()).isTrue();
        assertThat(history.get("lists")).extracting(l -> l.get("listId").asText()).contains(listId);
        assertThat(refused(viewer, "recipient_history", args("email", contactEmail))).startsWith("403");
        JsonNode stranger = ok(editor, "recipient_history", args("email", "nobody-" + RUN + "@example.com",
                "roundId", roundId));
        assertThat(stranger.get("known").asBoolean()).isFalse();
        assertThat(stranger.at("/round/received").asBoolean()).isFalse();

        JsonNode metrics = ok(viewer, "round_metrics", args("roundId", roundId));
        assertThat(metrics.has("history")).isTrue();
    }

    @Test
    void aRescheduleSendsAnApprovedRoundBackForApprovalAndWhoeverChangedItMayNotApproveIt() {
        McpSyncClient admin = McpFixture.client(McpFixture.token("mcp-admin-" + RUN, "admin"));
        try {
            String roundId = draft("Rescheduled " + RUN);
            ok(editor, "submit_round", args("roundId", roundId));
            int submitted = ok(approver, "get_round", args("roundId", roundId)).get("version").asInt();
            ok(approver, "approve_round", args("roundId", roundId, "version", submitted));

            JsonNode moved = ok(admin, "update_round", args("roundId", roundId, "scheduledAt",
                    OffsetDateTime.now(PARIS).plusDays(5).truncatedTo(ChronoUnit.SECONDS).toString()));
            int version = moved.get("version").asInt();

            assertThat(moved.get("status").asText()).isEqualTo("pending_approval");
            // An admin may approve, but not a round they changed: four eyes, as over HTTP.
            assertThat(refused(admin, "approve_round", args("roundId", roundId, "version", version)))
                    .startsWith("403").contains("someone else must approve it");
            assertThat(ok(approver, "approve_round", args("roundId", roundId, "version", version))
                    .get("status").asText()).isEqualTo("scheduled");
        } finally {
            admin.closeGracefully();
        }
    }

    /** What one call must give: a result, a refused operation (isError), or a JSON-RPC error -32602. */
    private enum Outcome { RESULT, REFUSED, INVALID_PARAMS }

    private record Case(McpSyncClient client, String tool, Map<String, Object> arguments, Outcome outcome,
                        String refusal) {
    }

    @Test
    void everyToolAnswersAValidCallAndAnInvalidOne() {
        String random = UUID.randomUUID().toString();
        String draft = draft("Table " + RUN);
        String pending = draft("Pending " + RUN);
        String idle = draft("Idle " + RUN);
        ok(editor, "submit_round", args("roundId", pending));
        int pendingVersion = ok(editor, "get_round", args("roundId", pending)).get("version").asInt();
        String today = LocalDate.now(PARIS).toString();
        List<Case> cases = List.of(
                new Case(viewer, "find_sends", args("from", today, "to", today), Outcome.RESULT, null),
                new Case(viewer, "find_sends", args("from", today, "to", "2000-01-01"), Outcome.REFUSED, "to"),
                new Case(viewer, "get_round", args("roundId", draft), Outcome.RESULT, null),
                new Case(viewer, "get_round", args("roundId", random), Outcome.REFUSED, "404"),
                new Case(viewer, "list_campaigns", args("status", "active", "limit", 5), Outcome.RESULT, null),
                new Case(viewer, "list_campaigns", args("status", "deleted"), Outcome.INVALID_PARAMS, null),
                new Case(viewer, "get_campaign", args("campaignId", campaignId), Outcome.RESULT, null),
                new Case(viewer, "get_campaign", args("campaignId", random), Outcome.REFUSED, "404"),
                new Case(viewer, "upcoming_rounds", args(), Outcome.RESULT, null),
                new Case(viewer, "upcoming_rounds", args("days", 3), Outcome.INVALID_PARAMS, null),
                new Case(viewer, "list_approvals", args(), Outcome.RESULT, null),
                new Case(viewer, "list_approvals", args("cursor", "garbage"), Outcome.REFUSED, "cursor"),
                new Case(viewer, "preflight_round", args("roundId", draft), Outcome.RESULT, null),
                new Case(viewer, "preflight_round", args("roundId", "round-3"), Outcome.REFUSED, "roundId"),
                new Case(viewer, "round_metrics", args("roundId", draft), Outcome.RESULT, null),
                new Case(viewer, "round_metrics", args("roundId", random), Outcome.REFUSED, "404"),
                new Case(viewer, "audience_preview", args("roundId", draft), Outcome.RESULT, null),
                new Case(editor, "audience_preview", args("roundId", draft, "limit", 0), Outcome.INVALID_PARAMS, null),
                new Case(viewer, "list_segments", args("limit", 5), Outcome.RESULT, null),
                new Case(viewer, "list_segments", args("cursor", "garbage"), Outcome.REFUSED, "cursor"),
                new Case(editor, "recipient_history", args("email", contactEmail), Outcome.RESULT, null),
                new Case(viewer, "recipient_history", args("email", contactEmail), Outcome.REFUSED, "403"),
                new Case(viewer, "search", args("query", "MCP " + RUN), Outcome.RESULT, null),
                new Case(viewer, "search", args("query", "MCP", "types", "planet"), Outcome.REFUSED, "types"),
                new Case(viewer, "dashboard", args(), Outcome.RESULT, null),
                new Case(viewer, "dashboard", args("section", "all"), Outcome.INVALID_PARAMS, null),
                new Case(viewer, "audit_trail", args("entityType", "campaign", "limit", 3), Outcome.RESULT, null),
                new Case(viewer, "audit_trail", args("from", "yesterday"), Outcome.REFUSED, "from"),
                new Case(viewer, "list_tasks", args("assignee", "me"), Outcome.RESULT, null),
                new Case(viewer, "list_tasks", args("status", "later"), Outcome.INVALID_PARAMS, null),
                new Case(viewer, "my_notifications", args("unreadOnly", true), Outcome.RESULT, null),
                new Case(viewer, "my_notifications", args("unreadOnly", "yes"), Outcome.INVALID_PARAMS, null),
                new Case(editor, "create_campaign", args("name", "Winter " + RUN, "fromEmail", "news@example.com"),
                        Outcome.RESULT, null),
                new Case(editor, "create_campaign", args("name", "Mars " + RUN, "fromEmail", "news@example.com",
                        "timezone", "Mars/Olympus"), Outcome.REFUSED, "timezone"),
                new Case(editor, "create_round", args("campaignId", campaignId, "name", "Bare " + RUN),
                        Outcome.RESULT, null),
                new Case(editor, "create_round", args("campaignId", random, "name", "Nowhere"), Outcome.REFUSED, "404"),
                new Case(editor, "update_round", args("roundId", draft, "subject", "Hello again"), Outcome.RESULT, null),
                new Case(editor, "update_round", args("roundId", draft, "scheduledAt", "tomorrow at nine"),
                        Outcome.REFUSED, "scheduledAt"),
                new Case(editor, "submit_round", args("roundId", draft), Outcome.RESULT, null),
                new Case(editor, "submit_round", args("roundId", draft), Outcome.REFUSED, "409"),
                new Case(approver, "reject_round", args("roundId", pending, "version", pendingVersion, "reason",
                        "Say what the offer is"), Outcome.RESULT, null),
                new Case(approver, "reject_round", args("roundId", pending, "version", pendingVersion),
                        Outcome.INVALID_PARAMS, null),
                new Case(approver, "approve_round", args("roundId", pending), Outcome.INVALID_PARAMS, null),
                new Case(approver, "approve_round", args("roundId", pending, "version", pendingVersion + 1),
                        Outcome.REFUSED, "409"),
                new Case(editor, "cancel_round", args("roundId", pending), Outcome.RESULT, null),
                new Case(editor, "cancel_round", args("roundId", pending), Outcome.REFUSED, "409"),
                // A draft is not sending: pausing, resuming and stopping it are refused as over HTTP.
                new Case(editor, "pause_round", args("roundId", idle), Outcome.REFUSED, "409"),
                new Case(viewer, "pause_round", args("roundId", idle), Outcome.REFUSED, "403"),
                new Case(approver, "resume_round", args("roundId", idle), Outcome.REFUSED, "409"),
                new Case(viewer, "resume_round", args("roundId", idle), Outcome.REFUSED, "403"),
                new Case(editor, "resume_round", args("roundId", idle), Outcome.REFUSED, "403"),
                new Case(approver, "stop_round", args("roundId", idle, "reason", "Wrong offer"), Outcome.REFUSED,
                        "409"),
                new Case(viewer, "stop_round", args("roundId", idle, "reason", "Wrong offer"), Outcome.REFUSED,
                        "403"),
                new Case(approver, "stop_round", args("roundId", idle), Outcome.INVALID_PARAMS, null),
                new Case(editor, "copy_round", args("roundId", idle, "name", "Copied " + RUN), Outcome.RESULT, null),
                new Case(editor, "copy_round", args("roundId", idle, "name", "x".repeat(300)),
                        Outcome.INVALID_PARAMS, null),
                new Case(viewer, "copy_round", args("roundId", idle), Outcome.REFUSED, "403"),
                new Case(editor, "copy_round", args("roundId", idle, "campaignId", random), Outcome.REFUSED,
                        "campaignId"),
                new Case(editor, "create_task", args("campaignId", campaignId, "title", "Check the offer",
                        "roundId", draft, "dueAt", "2031-01-01T09:00:00+01:00"), Outcome.RESULT, null),
                new Case(viewer, "create_task", args("campaignId", campaignId, "title", "Sneak"), Outcome.REFUSED,
                        "403"),
                new Case(editor, "suppress_address", args("email", "gone-" + RUN + "@example.com"), Outcome.RESULT,
                        null),
                new Case(editor, "suppress_address", args("email", "not an address"), Outcome.REFUSED, "email"),
                new Case(viewer, "list_templates", args("limit", 5), Outcome.RESULT, null),
                new Case(viewer, "list_templates", args("limit", 500), Outcome.INVALID_PARAMS, null),
                new Case(viewer, "preview_round", args("roundId", idle), Outcome.RESULT, null),
                new Case(viewer, "preview_round", args("roundId", random), Outcome.REFUSED, "404"),
                new Case(viewer, "preview_round", args("roundId", idle, "contactId", random), Outcome.REFUSED, "403"),
                new Case(editor, "preview_round", args("roundId", idle, "contactId", "ria"), Outcome.REFUSED,
                        "contactId"));

        SoftAssertions softly = new SoftAssertions();
        Set<String> valid = new TreeSet<>();
        Set<String> invalid = new TreeSet<>();
        for (Case c : cases) {
            String described = c.tool() + " " + c.arguments();
            if (c.outcome() == Outcome.INVALID_PARAMS) {
                McpError error = catchThrowableOfType(McpError.class, () -> call(c.client(), c.tool(), c.arguments()));
                softly.assertThat(error).as(described).isNotNull();
                if (error != null) {
                    softly.assertThat(error.getJsonRpcError().code()).as(described).isEqualTo(-32602);
                }
                invalid.add(c.tool());
                continue;
            }
            McpSchema.CallToolResult result = call(c.client(), c.tool(), c.arguments());
            String text = ((McpSchema.TextContent) result.content().get(0)).text();
            if (c.outcome() == Outcome.RESULT) {
                softly.assertThat(result.isError()).as(described + ": " + text).isFalse();
                softly.assertThat(result.structuredContent()).as(described).isInstanceOf(Map.class);
                valid.add(c.tool());
            } else {
                softly.assertThat(result.isError()).as(described + ": " + text).isTrue();
                softly.assertThat(text).as(described).contains(c.refusal());
                invalid.add(c.tool());
            }
        }
        softly.assertThat(valid).as("tools called validly").isEqualTo(new TreeSet<>(TOOLS.stream()
                .filter(t -> !ONLY_REFUSED.contains(t)).collect(Collectors.toSet())));
        softly.assertThat(invalid).as("tools called invalidly").isEqualTo(new TreeSet<>(TOOLS));
        softly.assertAll();
    }

    @Test
    void roundsTakeConditionsAndSegmentsAndThePreviewShowsAddressesOnlyToThoseWhoMaySeeThem() {
        Map<String, Object> ria = Map.of("all", List.of(Map.of("field", "firstName", "op", "equals", "value", "ria")));
        String segmentId = api(McpFixture.token("mcp-admin-" + RUN, "admin"), "POST", "/segments",
                Map.of("name", "MCP Ria " + RUN, "conditions", ria)).get("id").asText();
        String scheduledAt = OffsetDateTime.now(PARIS).plusDays(3).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> round = args("campaignId", campaignId, "name", "Seg " + RUN, "subject", "Hi",
                "textBody", "Hi", "listIds", List.of(listId), "scheduledAt", scheduledAt);

        Map<String, Object> bad = new LinkedHashMap<>(round);
        bad.put("conditions", Map.of("all", List.of(Map.of("field", "firstName", "op", "startsWith", "value", "r"))));
        String invalid = refused(editor, "create_round", bad);
        Map<String, Object> own = new LinkedHashMap<>(round);
        own.put("conditions", ria);
        String refusedToViewer = refused(viewer, "create_round", own);
        JsonNode created = ok(editor, "create_round", own);
        String roundId = created.get("id").asText();
        JsonNode forEditor = ok(editor, "audience_preview", args("roundId", roundId, "limit", 5));
        JsonNode forViewer = ok(viewer, "audience_preview", args("roundId", roundId));
        JsonNode excluded = ok(editor, "update_round", args("roundId", roundId, "excludedListIds", List.of(listId)));
        JsonNode nobody = ok(editor, "audience_preview", args("roundId", roundId));
        Map<String, Object> fromSegment = new LinkedHashMap<>(round);
        fromSegment.put("segmentId", segmentId);
        JsonNode copied = ok(editor, "create_round", fromSegment);
        JsonNode segments = ok(viewer, "list_segments", args("query", "MCP Ria " + RUN));

        assertThat(invalid).contains("conditions.all[0].op");
        assertThat(refusedToViewer).contains("403");
        assertThat(created.get("audience").get("conditions")).isEqualTo(JSON.valueToTree(ria));
        assertThat(forEditor.get("recipients").asInt()).isEqualTo(1);
        assertThat(forEditor.get("sample").get(0).get("email").asText()).isEqualTo(contactEmail);
        assertThat(forViewer.get("recipients").asInt()).isEqualTo(1);
        assertThat(forViewer.get("sample").isNull()).isTrue();
        assertThat(excluded.get("audience").get("excludedListIds").get(0).asText()).isEqualTo(listId);
        assertThat(nobody.get("recipients").asInt()).isZero();
        assertThat(copied.get("audience").get("segmentId").asText()).isEqualTo(segmentId);
        assertThat(copied.get("audience").get("conditions")).isEqualTo(JSON.valueToTree(ria));
        assertThat(segments.get("items")).singleElement()
                .satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(segmentId));
    }

    @Test
    void aCopyIsANewDraftWithoutATimeAndTheSourceStaysAsItIs() {
        String source = draft("Source " + RUN);
        ok(editor, "submit_round", args("roundId", source));
        String other = ok(editor, "create_campaign", args("name", "Other " + RUN, "fromEmail", "news@example.com"))
                .get("id").asText();

        JsonNode same = ok(editor, "copy_round", args("roundId", source));
        JsonNode moved = ok(editor, "copy_round", args("roundId", source, "campaignId", other, "name", "Moved " + RUN));

        assertThat(same.get("status").asText()).isEqualTo("draft");
        assertThat(same.get("name").asText()).isEqualTo("Copy of Source " + RUN);
        assertThat(same.get("campaignId").asText()).isEqualTo(campaignId);
        assertThat(same.get("scheduledAt").isNull()).isTrue();
        assertThat(same.get("subject").asText()).isEqualTo("Hello {{firstName}}");
        assertThat(same.get("listIds")).extracting(JsonNode::asText).containsExactly(listId);
        assertThat(same.get("id").asText()).isNotEqualTo(source);
        assertThat(moved.get("campaignId").asText()).isEqualTo(other);
        assertThat(moved.get("name").asText()).isEqualTo("Moved " + RUN);
        assertThat(ok(viewer, "get_round", args("roundId", source)).get("status").asText())
                .isEqualTo("pending_approval");
        JsonNode trail = ok(viewer, "audit_trail", args("entityType", "round", "entityId", same.get("id").asText()));
        assertThat(trail.get("items").get(0).get("actor").asText()).isEqualTo(editorEmail);
        assertThat(trail.get("items").get(0).at("/detail/requestId").asText()).startsWith("mcp:");
    }

    @Test
    void longTextsAreShortenedForTheAssistantsContext() {
        String body = "<p>" + "Autumn offers. ".repeat(400) + "</p>";
        String roundId = ok(editor, "create_round", args("campaignId", campaignId, "name", "Long " + RUN,
                "htmlBody", body)).get("id").asText();

        JsonNode round = ok(viewer, "get_round", args("roundId", roundId));
        JsonNode created = ok(viewer, "audit_trail", args("entityType", "round", "entityId", roundId)).get("items").get(0);

        assertThat(round.get("bodiesShortened").asBoolean()).isTrue();
        assertThat(round.get("htmlBody").asText()).hasSize(4_001).startsWith("<p>Autumn offers.");
        assertThat(created.get("action").asText()).isEqualTo("round.created");
        assertThat(created.at("/detail/after/htmlBody").asText()).hasSize(301).endsWith("…");
    }

    @Test
    void aRoundInATemplateIsPreviewedAsItWillBeSentAndViewersSeeOnlyThePlaceholder() {
        String admin = McpFixture.token("mcp-admin-" + RUN, "admin");
        String templateId = api(editorToken, "POST", "/templates", Map.of("name", "MCP layout " + RUN,
                "htmlLayout", "<main>{{content}}</main><footer>{{email}}</footer>",
                "textLayout", "{{content}}\n-- {{unsubscribeUrl}}")).get("id").asText();
        String roundId = ok(editor, "create_round", args("campaignId", campaignId, "name", "Templated " + RUN,
                "subject", "For {{firstName}}", "htmlBody", "<p>Hi {{firstName}}</p>", "textBody", "Hi {{firstName}}",
                "listIds", List.of(listId), "templateId", templateId)).get("id").asText();
        String contactId = api(admin, "GET", "/lists/" + listId + "/contacts", null).get("items").get(0).get("id")
                .asText();

        JsonNode listed = ok(viewer, "list_templates", args("limit", 50));
        JsonNode named = ok(editor, "preview_round", args("roundId", roundId, "contactId", contactId));
        JsonNode overHttp = api(editorToken, "GET", "/rounds/" + roundId + "/preview?contactId=" + contactId, null);
        JsonNode sample = ok(viewer, "preview_round", args("roundId", roundId));

        assertThat(listed.get("items")).extracting(t -> t.get("id").asText()).contains(templateId);
        assertThat(ok(viewer, "get_round", args("roundId", roundId)).get("templateId").asText()).isEqualTo(templateId);
        assertThat(named.get("subject").asText()).isEqualTo("For Ria");
        assertThat(named.get("html").asText()).isEqualTo("<main><p>Hi Ria</p></main><footer>" + contactEmail
                + "</footer>").isEqualTo(overHttp.get("html").asText());
        assertThat(named.get("text").asText()).startsWith("Hi Ria\n-- http").isEqualTo(overHttp.get("text").asText());
        assertThat(named.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(sample.at("/contact/sample").asBoolean()).isTrue();
        assertThat(sample.get("html").asText()).doesNotContain(contactEmail).contains("Hi Alex");
        assertThat(refused(viewer, "preview_round", args("roundId", roundId, "contactId", contactId)))
                .startsWith("403");
    }

    @Test
    void aViewerChangesNothing() {
        assertThat(refused(viewer, "create_campaign", args("name", "Viewer " + RUN, "fromEmail", "news@example.com")))
                .startsWith("403");
        assertThat(refused(viewer, "suppress_address", args("email", "viewer-" + RUN + "@example.com")))
                .startsWith("403");
        assertThat(refused(viewer, "create_round", args("campaignId", campaignId, "name", "No"))).startsWith("403");
        JsonNode campaigns = ok(viewer, "list_campaigns", args("query", "Viewer " + RUN));
        assertThat(campaigns.get("items")).isEmpty();
    }

    @Test
    void listsArePagedWithACursor() {
        for (int i = 0; i < 3; i++) {
            ok(editor, "create_campaign", args("name", "Paged " + RUN + " " + i, "fromEmail", "news@example.com"));
        }
        JsonNode first = ok(viewer, "list_campaigns", args("query", "Paged " + RUN, "limit", 2));
        JsonNode second = ok(viewer, "list_campaigns", args("query", "Paged " + RUN, "limit", 2,
                "cursor", first.get("nextCursor").asText()));

        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        McpError tooMany = catchThrowableOfType(McpError.class,
                () -> call(viewer, "list_campaigns", args("limit", 500)));
        assertThat(tooMany.getJsonRpcError().code()).isEqualTo(-32602);
    }
}
