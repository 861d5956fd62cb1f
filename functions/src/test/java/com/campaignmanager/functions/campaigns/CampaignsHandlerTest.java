package com.campaignmanager.functions.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.campaignmanager.functions.lists.ListsHandler;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleAnswers;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** CampaignsFunction through its handler: campaigns, rounds and the four-eyes workflow on a real database. */
@ExtendWith(LocalDataApiExtension.class)
class CampaignsHandlerTest {
    private static CampaignsHandler HANDLER;
    private static ListsHandler LISTS;
    private static final String FUTURE = "2031-10-03T09:00:00-04:00";
    private static final String CREATE = "events/campaigns/create-campaign.json";
    private static final String LIST = "events/campaigns/list-campaigns.json";

    @BeforeAll
    static void schema() {
        FunctionEnvironment.migrate();
        HANDLER = new CampaignsHandler();
        LISTS = new ListsHandler();
    }

    private static String campaign(String timezone) {
        Response created = ApiCall.from(HANDLER, CREATE).as("ed", "editor").json(Map.of(
                "name", "Autumn " + UUID.randomUUID(), "fromEmail", "news@Example.com", "fromName", "News",
                "timezone", timezone)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String emptyList() {
        return ApiCall.to(LISTS, "POST /lists").as("ed", "editor").json(Map.of("name", "Round list " + UUID.randomUUID()))
                .send().json().get("id").asText();
    }

    /** A list with one sendable contact, as preflight requires. */
    private static String list() {
        String listId = emptyList();
        ApiCall.to(LISTS, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", "reader-" + UUID.randomUUID() + "@example.com")).send();
        return listId;
    }

    private static JsonNode round(String campaignId, String listId, String scheduledAt) {
        Response created = ApiCall.to(HANDLER, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "Round 1", "subject", "Hello {{firstName}}", "htmlBody", "<p>Hi</p>",
                        "listIds", List.of(listId), "scheduledAt", scheduledAt)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static Response act(String roundId, String action, String who, String role) {
        return ApiCall.to(HANDLER, "POST /rounds/{roundId}/" + action, roundId).as(who, role).send();
    }

    @ParameterizedTest(name = "events/campaigns, sample {index}")
    @Events(folder = "events/campaigns", type = APIGatewayV2HTTPEvent.class)
    void everySampleEventIsAnsweredAsItsRoutePromisesAndNeedsAToken(APIGatewayV2HTTPEvent sample) {
        SampleAnswers.check(HANDLER, sample, Map.of("POST /campaigns", 201, "GET /campaigns", 200,
                "GET /dashboard", 200, "GET /approvals", 200, "POST /templates", 201, "GET /templates", 200));
    }

    @Test
    void campaignsAreValidatedCreatedEditedAndArchived() {
        Response badEmail = ApiCall.from(HANDLER, CREATE).as("ed", "editor")
                .json(Map.of("name", "x", "fromEmail", "nope")).send();
        Response badZone = ApiCall.from(HANDLER, CREATE).as("ed", "editor")
                .json(Map.of("name", "x", "fromEmail", "a@b.co", "timezone", "Mars/Olympus")).send();
        Response viewer = ApiCall.from(HANDLER, CREATE).as("v", "viewer")
                .json(Map.of("name", "x", "fromEmail", "a@b.co")).send();
        String id = campaign("Europe/Paris");
        JsonNode read = ApiCall.to(HANDLER, "GET /campaigns/{campaignId}", id).as("v", "viewer").send().json();
        JsonNode renamed = ApiCall.to(HANDLER, "PATCH /campaigns/{campaignId}", id).as("ed", "editor")
                .json(Map.of("name", "Renamed " + id)).send().json();
        Response archived = ApiCall.to(HANDLER, "DELETE /campaigns/{campaignId}", id).as("ed", "editor").send();
        JsonNode listed = ApiCall.from(HANDLER, LIST).as("v", "viewer").query("status", "archived")
                .query("q", id).send().json();

        assertThat(badEmail.json().get("errors").get(0).get("field").asText()).isEqualTo("fromEmail");
        assertThat(badZone.json().get("errors").get(0).get("field").asText()).isEqualTo("timezone");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(read.get("fromEmail").asText()).isEqualTo("news@example.com");
        assertThat(read.get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(read.get("status").asText()).isEqualTo("active");
        assertThat(renamed.get("name").asText()).startsWith("Renamed");
        assertThat(archived.status()).isEqualTo(204);
        assertThat(listed.get("items")).hasSize(1);
    }

    @Test
    void fourEyesTakeARoundFromDraftToScheduled() {
        String roundId = round(campaign("UTC"), list(), FUTURE).get("id").asText();

        Response submitted = act(roundId, "submit", "ed", "editor");
        Response selfApproved = ApiCall.to(HANDLER, "POST /rounds/{roundId}/approve", roundId)
                .as("ed", "editor", "approver").send();
        Response byEditor = act(roundId, "approve", "ed2", "editor");
        Response approved = act(roundId, "approve", "boss", "approver");
        Response again = act(roundId, "approve", "boss", "approver");

        assertThat(submitted.json().get("status").asText()).isEqualTo("pending_approval");
        assertThat(submitted.json().get("submittedBy").asText()).isEqualTo("ed@example.com");
        assertThat(selfApproved.status()).isEqualTo(403);
        assertThat(byEditor.status()).isEqualTo(403);
        assertThat(approved.json().get("status").asText()).isEqualTo("scheduled");
        assertThat(approved.json().get("approvedBy").asText()).isEqualTo("boss@example.com");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void changingAScheduledRoundSendsItBackForApproval() {
        String roundId = round(campaign("UTC"), list(), FUTURE).get("id").asText();
        act(roundId, "submit", "ed", "editor");
        act(roundId, "approve", "boss", "approver");

        JsonNode renamedOnly = ApiCall.to(HANDLER, "PATCH /rounds/{roundId}", roundId).as("ed", "editor")
                .json(Map.of("name", "Round 1 (final)")).send().json();
        JsonNode rescheduled = ApiCall.to(HANDLER, "PATCH /rounds/{roundId}", roundId).as("ed", "editor")
                .json(Map.of("scheduledAt", "2031-10-04T09:00:00-04:00")).send().json();

        assertThat(renamedOnly.get("status").asText()).isEqualTo("scheduled");
        assertThat(rescheduled.get("status").asText()).isEqualTo("pending_approval");
        assertThat(rescheduled.get("approvedBy").isNull()).isTrue();
    }

    @Test
    void rejectionReturnsToDraftWithTheReasonAndCancelEndsIt() {
        String roundId = round(campaign("UTC"), list(), FUTURE).get("id").asText();
        act(roundId, "submit", "ed", "editor");

        Response noReason = ApiCall.to(HANDLER, "POST /rounds/{roundId}/reject", roundId).as("boss", "approver")
                .json(Map.of()).send();
        JsonNode rejected = ApiCall.to(HANDLER, "POST /rounds/{roundId}/reject", roundId).as("boss", "approver")
                .json(Map.of("reason", "Fix the subject line")).send().json();
        JsonNode cancelled = act(roundId, "cancel", "ed", "editor").json();
        Response edit = ApiCall.to(HANDLER, "PATCH /rounds/{roundId}", roundId).as("ed", "editor")
                .json(Map.of("subject", "x")).send();

        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(rejected.get("status").asText()).isEqualTo("draft");
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("Fix the subject line");
        assertThat(cancelled.get("status").asText()).isEqualTo("cancelled");
        assertThat(edit.status()).isEqualTo(409);
    }

    @Test
    void aRoundInThePastOrWithoutListsIsNotReady() {
        String campaignId = campaign("UTC");
        String pastRound = round(campaignId, list(), "2020-01-01T09:00:00Z").get("id").asText();
        Response missingList = ApiCall.to(HANDLER, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "R", "listIds", List.of(UUID.randomUUID()))).send();
        Response noOffset = ApiCall.to(HANDLER, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "R", "scheduledAt", "2031-10-03T09:00:00")).send();

        Response submitted = act(pastRound, "submit", "ed", "editor");

        assertThat(submitted.status()).isEqualTo(422);
        assertThat(submitted.json().get("problems")).extracting(JsonNode::asText).contains("scheduledAt: in the past");
        assertThat(submitted.json().get("checklist")).isNotEmpty();
        assertThat(missingList.json().get("errors").get(0).get("field").asText()).isEqualTo("listIds");
        assertThat(noOffset.json().get("errors").get(0).get("field").asText()).isEqualTo("scheduledAt");
    }

    @Test
    void scheduledAtKeepsTheInstantAndShowsTheCampaignsOffset() {
        JsonNode round = round(campaign("America/New_York"), list(), "2031-10-03T13:00:00Z");

        OffsetDateTime scheduledAt = OffsetDateTime.parse(round.get("scheduledAt").asText());

        assertThat(scheduledAt.getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
        assertThat(scheduledAt.toInstant()).isEqualTo(OffsetDateTime.parse("2031-10-03T09:00:00-04:00").toInstant());
    }

    @Test
    void aListCannotBeDeletedWhileAScheduledRoundGoesToIt() {
        String listId = list();
        String roundId = round(campaign("UTC"), listId, FUTURE).get("id").asText();
        act(roundId, "submit", "ed", "editor");
        act(roundId, "approve", "boss", "approver");

        Response refused = ApiCall.to(LISTS, "DELETE /lists/{listId}", listId).as("ed", "editor").send();
        act(roundId, "cancel", "ed", "editor");
        Response allowed = ApiCall.to(LISTS, "DELETE /lists/{listId}", listId).as("ed", "editor").send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(allowed.status()).isEqualTo(204);
    }

    @Test
    void archivingACampaignCancelsItsOpenRounds() {
        String campaignId = campaign("UTC");
        String roundId = round(campaignId, list(), FUTURE).get("id").asText();
        act(roundId, "submit", "ed", "editor");

        ApiCall.to(HANDLER, "DELETE /campaigns/{campaignId}", campaignId).as("ed", "editor").send();
        JsonNode round = ApiCall.to(HANDLER, "GET /rounds/{roundId}", roundId).as("v", "viewer").send().json();
        Response newRound = ApiCall.to(HANDLER, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "Too late")).send();

        assertThat(round.get("status").asText()).isEqualTo("cancelled");
        assertThat(newRound.status()).isEqualTo(409);
    }

    @Test
    void preflightListsEveryCheckAndBlocksUnknownMergeFieldsAndEmptyLists() {
        String emptyList = emptyList();
        String campaignId = campaign("UTC");
        String roundId = ApiCall.to(HANDLER, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "Checked", "subject", "Hi {{nickname}}", "textBody", "Hello",
                        "listIds", List.of(emptyList), "scheduledAt", FUTURE)).send().json().get("id").asText();

        JsonNode checklist = ApiCall.to(HANDLER, "GET /rounds/{roundId}/preflight", roundId).as("v", "viewer").send()
                .json();
        Response submit = act(roundId, "submit", "ed", "editor");

        assertThat(checklist.get("ready").asBoolean()).isFalse();
        assertThat(checklist.get("items")).extracting(i -> i.get("check").asText() + "=" + i.get("status").asText())
                .contains("merge-fields=fail", "lists=fail", "subject=pass", "body=pass", "scheduledAt=pass",
                        "provider=pass", "sender=warn");
        assertThat(submit.status()).isEqualTo(422);
    }
}
