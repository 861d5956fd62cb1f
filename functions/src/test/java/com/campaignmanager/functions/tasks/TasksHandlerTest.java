package com.campaignmanager.functions.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.campaignmanager.functions.campaigns.CampaignsHandler;
import com.campaignmanager.functions.roundreminders.RoundRemindersHandler;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleAnswers;
import com.campaignmanager.functions.testing.SampleEvents;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** TasksFunction through its handler: roles, validation, filters, assignment and overdue notices. */
@ExtendWith(LocalDataApiExtension.class)
class TasksHandlerTest {
    private static TasksHandler tasks;
    private static CampaignsHandler campaigns;
    private static Database database;
    private static String assignee;
    private static String assigneeId;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        database = FunctionDatabase.get();
        tasks = new TasksHandler();
        campaigns = new CampaignsHandler();
        assignee = "tasker-" + UUID.randomUUID().toString().substring(0, 8);
        assigneeId = database.querySingle("INSERT INTO team_members (email, role) VALUES (:email, 'editor') RETURNING id",
                Params.of("email", assignee + "@example.com"), r -> r.uuid("id")).toString();
    }

    private static String campaign() {
        return ApiCall.from(campaigns, "events/campaigns/create-campaign.json").as("ed", "editor")
                .json(Map.of("name", "Tasks " + UUID.randomUUID(), "fromEmail", "news@example.com",
                        "timezone", "Europe/Paris")).send().json().get("id").asText();
    }

    private static Response create(String campaignId, Map<String, Object> fields) {
        return ApiCall.to(tasks, "POST /campaigns/{campaignId}/tasks", campaignId).as("ed", "editor").json(fields).send();
    }

    private static List<JsonNode> notices(String type, String taskId) {
        return database.query("SELECT n.title FROM notification_inbox i JOIN notifications n ON n.id = i.notification_id "
                + "WHERE i.member_id = :member::uuid AND n.type = :type AND n.entity_id = :taskId",
                Params.of("member", assigneeId).put("type", type).put("taskId", taskId),
                r -> (JsonNode) new com.fasterxml.jackson.databind.node.TextNode(r.string("title")));
    }

    @ParameterizedTest(name = "events/tasks, sample {index}")
    @Events(folder = "events/tasks", type = APIGatewayV2HTTPEvent.class)
    void everySampleEventIsAnsweredAsItsRoutePromisesAndNeedsAToken(APIGatewayV2HTTPEvent sample) {
        SampleAnswers.check(tasks, sample, Map.of("GET /tasks", 200));
    }

    @Test
    void tasksAreCreatedAssignedFilteredCompletedAndDeleted() {
        String campaignId = campaign();
        Map<String, Object> fields = new HashMap<>(Map.of("title", "  Proofread round 1 ", "notes", "links too",
                "assigneeId", assigneeId, "dueAt", "2031-03-01T09:00:00Z"));
        Response created = create(campaignId, fields);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode task = created.json();
        String taskId = task.get("id").asText();
        assertThat(task.get("title").asText()).isEqualTo("Proofread round 1");
        assertThat(task.get("status").asText()).isEqualTo("todo");
        // Shown in the campaign's zone: 09:00Z is 10:00 in Paris in March.
        assertThat(task.get("dueAt").asText()).isEqualTo("2031-03-01T10:00:00+01:00");
        assertThat(notices("task.assigned", taskId)).hasSize(1);

        Response mine = ApiCall.to(tasks, "GET /tasks").as(assignee).query("assignee", "me").send();
        assertThat(mine.json().get("items")).extracting(n -> n.get("id").asText()).contains(taskId);
        assertThat(ApiCall.to(tasks, "GET /tasks").as("v", "viewer").query("assignee", assigneeId)
                .query("dueBefore", "2031-02-01T00:00:00Z").send().json().get("items")).isEmpty();
        assertThat(ApiCall.to(tasks, "GET /tasks").as("v", "viewer").query("campaignId", campaignId)
                .query("status", "todo").send().json().get("items")).hasSize(1);

        Response done = ApiCall.to(tasks, "PATCH /tasks/{taskId}", taskId).as(assignee)
                .json(Map.of("status", "done")).send();
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("completedAt").isNull()).isFalse();
        long completedAudits = database.querySingle("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id "
                + "AND action = 'task.completed' AND detail ->> 'campaignId' = :campaignId",
                Params.of("id", taskId).put("campaignId", campaignId), r -> r.longValue("n"));
        assertThat(completedAudits).isEqualTo(1);
        // Re-saving the same assignee does not tell them again.
        ApiCall.to(tasks, "PATCH /tasks/{taskId}", taskId).as("ed", "editor").json(Map.of("assigneeId", assigneeId))
                .send();
        assertThat(notices("task.assigned", taskId)).hasSize(1);

        assertThat(ApiCall.to(tasks, "DELETE /tasks/{taskId}", taskId).as("v", "viewer").send().status()).isEqualTo(403);
        assertThat(ApiCall.to(tasks, "DELETE /tasks/{taskId}", taskId).as("ed", "editor").send().status()).isEqualTo(204);
        assertThat(ApiCall.to(tasks, "GET /tasks/{taskId}", taskId).as("v", "viewer").send().status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String campaignId = campaign();
        String otherCampaign = campaign();
        String otherRound = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", otherCampaign).as("ed", "editor")
                .json(Map.of("name", "R", "subject", "S", "htmlBody", "<p>x</p>", "listIds", List.of(),
                        "scheduledAt", "2031-01-01T09:00:00Z")).send().json().path("id").asText(UUID.randomUUID().toString());
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"title", "400", "{\"title\":\" \"}"});
        cases.add(new String[] {"status", "400", "{\"title\":\"t\",\"status\":\"blocked\"}"});
        cases.add(new String[] {"dueAt", "400", "{\"title\":\"t\",\"dueAt\":\"2031-03-01T09:00:00\"}"});
        cases.add(new String[] {"roundId", "422", "{\"title\":\"t\",\"roundId\":\"" + otherRound + "\"}"});
        cases.add(new String[] {"assigneeId", "422", "{\"title\":\"t\",\"assigneeId\":\"" + UUID.randomUUID() + "\"}"});
        cases.add(new String[] {"colour", "400", "{\"title\":\"t\",\"colour\":\"red\"}"});
        for (String[] c : cases) {
            Response response = ApiCall.to(tasks, "POST /campaigns/{campaignId}/tasks", campaignId).as("ed", "editor")
                    .json(c[2]).send();
            assertThat(response.status()).as(c[0] + ": " + response).isEqualTo(Integer.parseInt(c[1]));
            assertThat(response.json().at("/errors/0/field").asText()).as(response.toString()).isEqualTo(c[0]);
        }
        assertThat(create(UUID.randomUUID().toString(), Map.of("title", "t")).status()).isEqualTo(404);
        assertThat(ApiCall.to(tasks, "POST /campaigns/{campaignId}/tasks", campaignId).as("v", "viewer")
                .json(Map.of("title", "t")).send().status()).isEqualTo(403);
        assertThat(ApiCall.to(tasks, "GET /tasks").as("v", "viewer").query("assignee", "someone").send()
                .json().at("/errors/0/field").asText()).isEqualTo("assignee");
        assertThat(ApiCall.to(tasks, "GET /tasks").as("v", "viewer").query("dueBefore", "tomorrow").send()
                .json().at("/errors/0/field").asText()).isEqualTo("dueBefore");
        assertThat(ApiCall.to(tasks, "GET /tasks").as("v", "viewer").query("assignee", "me").send().status())
                .isEqualTo(403);
    }

    @Test
    void anOverdueTaskIsToldToItsAssigneeOnce() throws Exception {
        String taskId = create(campaign(), Map.of("title", "Book the designer", "assigneeId", assigneeId,
                "dueAt", "2031-03-01T09:00:00Z")).json().get("id").asText();
        database.update("UPDATE tasks SET due_at = now() - interval '1 hour' WHERE id = :id::uuid",
                Params.of("id", taskId));
        RoundRemindersHandler job = new RoundRemindersHandler();
        for (int run = 0; run < 2; run++) {
            job.handleRequest(SampleEvents.open("events/round-reminders/scheduled.json"), new ByteArrayOutputStream(),
                    null);
        }
        assertThat(notices("task.overdue", taskId)).hasSize(1);
    }
}
