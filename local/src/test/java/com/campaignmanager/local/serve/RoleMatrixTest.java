package com.campaignmanager.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.local.lambda.InProcessFunctions;
import com.campaignmanager.local.template.HttpRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Role checks on every route of template.yaml: a viewer can change nothing and reads everything except personal
 * data, an editor can neither decide on rounds nor manage the team, an approver cannot manage the team. Read from the template, so a new route is
 * checked the day it is added.
 */
@ExtendWith(LocalDataApiExtension.class)
class RoleMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Each member's own inbox and settings: any member may, and a caller who is not one is refused for that. */
    private static final Set<String> SELF_SERVICE = Set.of("POST /notifications/{notificationId}/read",
            "POST /notifications/read-all", "PATCH /me");
    /** Reads that show contacts' addresses or names: refused to viewers (the one rule in Caller). */
    private static final Set<String> PERSONAL_DATA = Set.of("GET /contacts", "GET /contacts/{contactId}",
            "GET /contacts/{contactId}/history", "GET /lists/{listId}/contacts", "GET /suppressions",
            "GET /rounds/{roundId}/deliveries");
    private static final Set<String> DECISIONS = Set.of("POST /rounds/{roundId}/approve", "POST /rounds/{roundId}/reject",
            "POST /rounds/{roundId}/send-now", "POST /rounds/{roundId}/resume", "POST /rounds/{roundId}/stop");

    private static int status(HttpRoute route, String role) throws Exception {
        return status(route, role, Map.of());
    }

    private static int status(HttpRoute route, String role, Map<String, String> query) throws Exception {
        Map<String, String> parameters = new java.util.HashMap<>();
        Matcher matcher = VARIABLE.matcher(route.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(1).equals("channel") ? "slack" : UUID.randomUUID().toString();
            parameters.put(matcher.group(1), value);
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", route.routeKey()).put("rawPath", path.toString())
                .put("body", "{}").put("isBase64Encoded", false);
        event.putObject("headers").put("content-type", "application/json");
        event.set("pathParameters", JSON.valueToTree(parameters));
        if (!query.isEmpty()) {
            event.set("queryStringParameters", JSON.valueToTree(query));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "roles-" + UUID.randomUUID()).put("routeKey", route.routeKey());
        context.putObject("http").put("method", route.method()).put("path", path.toString());
        context.putObject("authorizer").putObject("jwt").putObject("claims").put("sub", "matrix-" + role)
                .put("email", "matrix-" + role + "@example.com").put("cognito:groups", "[" + role + "]");
        InProcessFunctions functions = LocalRunnerFixture.running().backend().functions();
        JsonNode response = JSON.readTree(functions.invoke(route.functionLogicalId(), JSON.writeValueAsBytes(event)));
        return response.get("statusCode").asInt();
    }

    /** The MCP endpoint carries every operation: its tools check the role of each (McpToolsTest). */
    private static final String MCP = "/mcp";

    private static List<HttpRoute> writes() {
        return LocalRunnerFixture.running().backend().functions().template().routes().stream()
                .filter(HttpRoute::authorized).filter(r -> !r.method().equals("GET"))
                .filter(r -> !SELF_SERVICE.contains(r.routeKey())).filter(r -> !r.path().equals(MCP)).toList();
    }

    @Test
    void aViewerCanChangeNothing() throws Exception {
        List<String> allowed = new ArrayList<>();
        for (HttpRoute route : writes()) {
            if (status(route, "viewer") != 403) {
                allowed.add(route.routeKey());
            }
        }
        assertThat(writes()).hasSizeGreaterThan(25);
        assertThat(allowed).as("write routes a viewer was not refused").isEmpty();
    }

    @Test
    void anEditorCannotDecideOnRoundsOrManageTheTeamAndAnApproverCannotManageTheTeam() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (HttpRoute route : writes()) {
            boolean adminOnly = route.path().startsWith("/team/") || route.path().startsWith("/notifications/channels");
            if ((adminOnly || DECISIONS.contains(route.routeKey())) && status(route, "editor") != 403) {
                wrong.add("editor " + route.routeKey());
            }
            if (adminOnly && status(route, "approver") != 403) {
                wrong.add("approver " + route.routeKey());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Saved segments: editors, approvers and admins write them (viewers are refused above). */
    @Test
    void segmentsAreWrittenByEditorsApproversAndAdmins() throws Exception {
        List<HttpRoute> segmentWrites = writes().stream().filter(r -> r.path().startsWith("/segments")).toList();
        List<String> refused = new ArrayList<>();
        for (HttpRoute route : segmentWrites) {
            for (String role : List.of("editor", "approver", "admin")) {
                if (status(route, role) == 403) {
                    refused.add(role + " " + route.routeKey());
                }
            }
        }
        assertThat(segmentWrites).extracting(HttpRoute::routeKey).containsExactlyInAnyOrder("POST /segments",
                "PATCH /segments/{segmentId}", "DELETE /segments/{segmentId}");
        assertThat(refused).isEmpty();
    }

    private static List<HttpRoute> reads() {
        return LocalRunnerFixture.running().backend().functions().template().routes().stream()
                .filter(HttpRoute::authorized).filter(r -> r.method().equals("GET"))
                .filter(r -> !r.path().equals("/notifications")).toList();
    }

    @Test
    void everyMemberCanReadEverythingButViewersSeeNoPersonalData() throws Exception {
        List<String> refused = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        for (HttpRoute route : reads()) {
            if (status(route, "viewer") == 403) {
                refused.add(route.routeKey());
            }
            if (PERSONAL_DATA.contains(route.routeKey())) {
                personal.add(route.routeKey());
                for (String role : List.of("editor", "approver", "admin")) {
                    if (status(route, role) == 403) {
                        refused.add(role + " " + route.routeKey());
                    }
                }
            }
        }
        assertThat(personal).as("personal-data reads in the template").containsExactlyInAnyOrderElementsOf(PERSONAL_DATA);
        assertThat(refused).as("reads refused (a viewer exactly the personal-data ones)")
                .containsExactlyInAnyOrderElementsOf(PERSONAL_DATA);
    }

    private static HttpRoute route(String routeKey) {
        return LocalRunnerFixture.running().backend().functions().template().routes().stream()
                .filter(r -> r.routeKey().equals(routeKey)).findFirst().orElseThrow();
    }

    @Test
    void templatesAreWrittenByEditorsApproversAndAdminsAndAPreviewOfAContactIsPersonalData() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String key : List.of("POST /templates", "PATCH /templates/{templateId}", "DELETE /templates/{templateId}")) {
            for (String role : List.of("editor", "approver", "admin")) {
                if (status(route(key), role) == 403) {
                    wrong.add(role + " refused " + key);
                }
            }
            if (status(route(key), "viewer") != 403) {
                wrong.add("viewer allowed " + key);
            }
        }
        HttpRoute preview = route("GET /rounds/{roundId}/preview");
        Map<String, String> contact = Map.of("contactId", UUID.randomUUID().toString());
        // A viewer previews with the placeholder contact only: naming a contact is refused before anything is read.
        if (status(preview, "viewer", contact) != 403) {
            wrong.add("viewer previewed a named contact");
        }
        if (status(preview, "viewer") == 403) {
            wrong.add("viewer refused the placeholder preview");
        }
        for (String role : List.of("editor", "approver", "admin")) {
            if (status(preview, role, contact) == 403) {
                wrong.add(role + " refused a named contact's preview");
            }
        }
        assertThat(wrong).isEmpty();
    }
}
