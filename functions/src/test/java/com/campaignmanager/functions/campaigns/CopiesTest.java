package com.campaignmanager.functions.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.lists.ListsHandler;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.RoundFixtures;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Copies: a round as a new draft (in its campaign or another, without a time, its lists kept), a campaign with its
 * settings and its rounds as drafts; each audited, the source untouched.
 */
@ExtendWith(LocalDataApiExtension.class)
class CopiesTest {
    private static CampaignsHandler campaigns;
    private static RoundFixtures fixtures;
    private static Database database;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        campaigns = new CampaignsHandler();
        fixtures = new RoundFixtures(campaigns, new ListsHandler());
        database = FunctionDatabase.get();
    }

    private static Response copyRound(String roundId, String role, Object body) {
        ApiCall call = ApiCall.to(campaigns, "POST /rounds/{roundId}/copy", roundId).as("ed", role);
        return (body == null ? call : call.json(body)).send();
    }

    private static JsonNode get(String route, String id) {
        return ApiCall.to(campaigns, route, id).as("viewer", "viewer").send().json();
    }

    private static List<String> auditActions(String entityId) {
        return database.query("SELECT action || ':' || (detail ->> 'copiedFrom') AS entry FROM audit_events "
                + "WHERE entity_id = :id ORDER BY occurred_at", Params.of("id", entityId), r -> r.string("entry"));
    }

    @Test
    void aRoundIsCopiedAsADraftWithoutItsTimeInItsCampaignOrAnother() {
        String tag = RoundFixtures.tag();
        String listId = fixtures.list(tag, 2);
        String campaignId = fixtures.campaign(tag);
        String other = fixtures.campaign(tag + "-other");
        String source = fixtures.approvedRound(campaignId, listId);
        JsonNode before = get("GET /rounds/{roundId}", source);

        Response same = copyRound(source, "editor", null);
        Response elsewhere = copyRound(source, "editor", Map.of("campaignId", other, "name", "Autumn again"));

        assertThat(same.status()).as(same.toString()).isEqualTo(201);
        assertThat(same.raw().getHeaders().get("location")).isEqualTo("/rounds/" + same.json().get("id").asText());
        JsonNode copy = same.json();
        assertThat(copy.get("campaignId").asText()).isEqualTo(campaignId);
        assertThat(copy.get("name").asText()).isEqualTo("Copy of R");
        assertThat(copy.get("status").asText()).isEqualTo("draft");
        assertThat(copy.get("scheduledAt").isNull()).isTrue();
        assertThat(copy.get("subject").asText()).isEqualTo("Hi");
        assertThat(copy.get("textBody").asText()).isEqualTo("Hello {{unsubscribeUrl}}");
        assertThat(copy.get("listIds")).extracting(JsonNode::asText).containsExactly(listId);
        assertThat(copy.get("approvedBy").isNull()).isTrue();
        assertThat(copy.get("submittedBy").isNull()).isTrue();
        assertThat(copy.get("version").asInt()).isEqualTo(1);
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
        assertThat(elsewhere.json().get("campaignId").asText()).isEqualTo(other);
        assertThat(elsewhere.json().get("name").asText()).isEqualTo("Autumn again");
        assertThat(get("GET /rounds/{roundId}", source)).isEqualTo(before);
        assertThat(auditActions(copy.get("id").asText())).containsExactly("round.created:" + source);
        // The copy goes its own way through the workflow.
        String copyId = copy.get("id").asText();
        ApiCall.to(campaigns, "PATCH /rounds/{roundId}", copyId).as("ed", "editor")
                .json(Map.of("scheduledAt", RoundFixtures.FUTURE)).send();
        assertThat(fixtures.submit(copyId, "ed").status()).isEqualTo(200);
    }

    @Test
    void aCopyIsRefusedClearly() {
        String tag = RoundFixtures.tag();
        String campaignId = fixtures.campaign(tag);
        String source = fixtures.round(campaignId, fixtures.list(tag, 1));
        String archived = fixtures.campaign(tag + "-archived");
        ApiCall.to(campaigns, "DELETE /campaigns/{campaignId}", archived).as("ed", "editor").send();
        long roundsBefore = roundCount();

        Response viewer = copyRound(source, "viewer", null);
        Response noCampaign = copyRound(source, "editor", Map.of("campaignId", "00000000-0000-0000-0000-000000000000"));
        Response notAnId = copyRound(source, "editor", Map.of("campaignId", "autumn"));
        Response intoArchived = copyRound(source, "editor", Map.of("campaignId", archived));
        Response blankName = copyRound(source, "editor", Map.of("name", " "));
        Response noRound = copyRound("00000000-0000-0000-0000-000000000000", "editor", null);
        Response campaignViewer = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/copy", campaignId)
                .as("viewer", "viewer").send();
        Response noSourceCampaign = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/copy",
                "00000000-0000-0000-0000-000000000000").as("ed", "editor").send();

        assertThat(viewer.status()).isEqualTo(403);
        assertThat(noCampaign.status()).as(noCampaign.toString()).isEqualTo(400);
        assertThat(noCampaign.json().at("/errors/0/field").asText()).isEqualTo("campaignId");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.json().at("/errors/0/field").asText()).isEqualTo("campaignId");
        assertThat(intoArchived.status()).isEqualTo(409);
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(blankName.json().at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(noRound.status()).isEqualTo(404);
        assertThat(campaignViewer.status()).isEqualTo(403);
        assertThat(noSourceCampaign.status()).isEqualTo(404);
        assertThat(roundCount()).isEqualTo(roundsBefore);
    }

    @Test
    void aCampaignIsCopiedWithItsSettingsAndItsRoundsAsDrafts() {
        String tag = RoundFixtures.tag();
        String listId = fixtures.list(tag, 1);
        String campaignId = ApiCall.to(campaigns, "POST /campaigns").as("ed", "editor").json(Map.of(
                "name", "Spring " + tag, "description", "Seasonal", "fromEmail", "news@example.com",
                "fromName", "News", "replyTo", "team@example.com", "timezone", "Europe/Paris")).send().json()
                .get("id").asText();
        List<String> sources = new ArrayList<>();
        sources.add(fixtures.approvedRound(campaignId, listId));
        for (String name : List.of("Second", "Third")) {
            sources.add(ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                    .json(Map.of("name", name, "subject", name, "htmlBody", "<p>" + name + "</p>",
                            "listIds", List.of(listId))).send().json().get("id").asText());
        }
        // Archived campaigns can be copied too: last season's, as this season's start.
        ApiCall.to(campaigns, "DELETE /campaigns/{campaignId}", campaignId).as("ed", "editor").send();

        Response copied = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/copy", campaignId).as("ed", "editor")
                .json(Map.of("name", "Spring again " + tag)).send();

        assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
        JsonNode copy = copied.json();
        String copyId = copy.get("id").asText();
        assertThat(copied.raw().getHeaders().get("location")).isEqualTo("/campaigns/" + copyId);
        assertThat(copy.get("name").asText()).isEqualTo("Spring again " + tag);
        assertThat(copy.get("status").asText()).isEqualTo("active");
        assertThat(copy.get("description").asText()).isEqualTo("Seasonal");
        assertThat(copy.get("fromName").asText()).isEqualTo("News");
        assertThat(copy.get("replyTo").asText()).isEqualTo("team@example.com");
        assertThat(copy.get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(copy.get("roundIds")).hasSize(3);
        JsonNode rounds = ApiCall.to(campaigns, "GET /campaigns/{campaignId}/rounds", copyId).as("viewer", "viewer")
                .send().json().get("items");
        assertThat(rounds).extracting(r -> r.get("name").asText()).containsExactly("R", "Second", "Third");
        assertThat(rounds).extracting(r -> r.get("id").asText())
                .containsExactlyElementsOf(toTexts(copy.get("roundIds")));
        rounds.forEach(r -> {
            assertThat(r.get("status").asText()).isEqualTo("draft");
            assertThat(r.get("scheduledAt").isNull()).isTrue();
            assertThat(r.get("listIds")).extracting(JsonNode::asText).containsExactly(listId);
        });
        assertThat(rounds.get(2).get("htmlBody").asText()).isEqualTo("<p>Third</p>");
        assertThat(auditActions(copyId)).containsExactly("campaign.created:" + campaignId);
        for (int i = 0; i < 3; i++) {
            assertThat(auditActions(rounds.get(i).get("id").asText())).containsExactly("round.created:" + sources.get(i));
        }
        assertThat(get("GET /campaigns/{campaignId}", campaignId).get("status").asText()).isEqualTo("archived");
    }

    private static long roundCount() {
        return database.querySingle("SELECT count(*) AS n FROM rounds", Params.of(), r -> r.longValue("n"));
    }

    private static List<String> toTexts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
