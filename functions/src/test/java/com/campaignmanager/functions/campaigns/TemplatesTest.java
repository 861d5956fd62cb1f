package com.campaignmanager.functions.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.launchduerounds.LaunchDueRoundsHandler;
import com.campaignmanager.functions.lists.ListsHandler;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.RoundFixtures;
import com.campaignmanager.functions.testing.SampleEvents;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Templates: a layout with one {@code {{content}}} slot, versioned and archived, never deleted; a round that names
 * one is checked, approved, previewed and sent as its content in that layout, and an approval covers the version
 * it saw: an edit of the layout sends the approved round back, while a round already sending keeps its version.
 */
@ExtendWith(LocalDataApiExtension.class)
class TemplatesTest {
    private static final String LAYOUT = "<html><body><h1>Example News</h1><main>{{content}}</main>"
            + "<footer>Sent to {{email}}. <a href=\"{{unsubscribeUrl}}\">Unsubscribe</a></footer></body></html>";
    private static final String TEXT_LAYOUT = "{{content}}\n--\nSent to {{email}}. Unsubscribe: {{unsubscribeUrl}}";

    private static CampaignsHandler campaigns;
    private static ListsHandler lists;
    private static LaunchDueRoundsHandler launcher;
    private static RoundFixtures fixtures;
    private static Database database;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        campaigns = new CampaignsHandler();
        lists = new ListsHandler();
        launcher = new LaunchDueRoundsHandler();
        fixtures = new RoundFixtures(campaigns, lists);
        database = FunctionDatabase.get();
    }

    private static Response createTemplate(String role, Map<String, Object> body) {
        return ApiCall.from(campaigns, "events/campaigns/create-template.json").as("ed-" + role, role).json(body)
                .send();
    }

    private static String template(String name) {
        Response created = createTemplate("editor", Map.of("name", name, "htmlLayout", LAYOUT,
                "textLayout", TEXT_LAYOUT));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static Response editTemplate(String templateId, String who, Map<String, Object> body) {
        return ApiCall.to(campaigns, "PATCH /templates/{templateId}", templateId).as(who, "editor", "approver")
                .json(body).send();
    }

    /** A list with one contact, Ann, whose plan is pro. Answers {listId, contactId}. */
    private static String[] listWithAnn(String tag) {
        String listId = ApiCall.to(lists, "POST /lists").as("ed", "editor").json(Map.of("name", "Tpl " + tag))
                .send().json().get("id").asText();
        Response added = ApiCall.to(lists, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", "ann-" + tag + "@x.com", "firstName", "Ann",
                        "attributes", Map.of("plan", "pro"))).send();
        assertThat(added.status()).as(added.toString()).isLessThan(300);
        String contactId = ApiCall.to(lists, "GET /lists/{listId}/contacts", listId).as("ed", "editor").send().json()
                .get("items").get(0).get("id").asText();
        return new String[] {listId, contactId};
    }

    private static String templatedRound(String campaignId, String listId, String templateId) {
        Response created = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "Templated", "subject", "News for {{firstName}}",
                        "htmlBody", "<p>Hello {{firstName}}, your plan: {{attributes.plan}}</p>",
                        "textBody", "Hello {{firstName}}", "listIds", List.of(listId), "scheduledAt", RoundFixtures.FUTURE,
                        "templateId", templateId)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static JsonNode round(String roundId) {
        return ApiCall.to(campaigns, "GET /rounds/{roundId}", roundId).as("v", "viewer").send().json();
    }

    private static void makeDue(String roundId) {
        database.update("UPDATE rounds SET scheduled_at = now() - interval '1 minute' WHERE id = :id::uuid",
                Params.of("id", roundId));
    }

    private static void launch() throws Exception {
        launcher.handleRequest(SampleEvents.open("events/launch-due-rounds/scheduled.json"), new ByteArrayOutputStream(),
                null);
    }

    private static Map<String, String> outbox(String roundId, boolean test) {
        return database.querySingle("SELECT subject, html_body, text_body, headers->>'List-Unsubscribe' AS link "
                        + "FROM outbox_messages WHERE campaign_tag = :tag AND test = :test",
                Params.of("tag", roundId).put("test", test), r -> {
                    Map<String, String> message = new HashMap<>();
                    message.put("subject", r.string("subject"));
                    message.put("html", r.string("html_body"));
                    message.put("text", r.string("text_body"));
                    message.put("link", r.string("link"));
                    return message;
                });
    }

    private static long count(String sql, String id) {
        return database.querySingle(sql, Params.of("id", id), r -> r.longValue("n"));
    }

    private static long templateCount() {
        return database.querySingle("SELECT count(*) AS n FROM templates", Params.of(), r -> r.longValue("n"));
    }

    @Test
    void aTemplateIsValidatedAndRefusedClearly() {
        long before = templateCount();
        Map<String, Object> valid = Map.of("name", "Valid", "htmlLayout", LAYOUT);
        Map<String, Map<String, Object>> invalid = new java.util.LinkedHashMap<>();
        invalid.put("name", Map.of("htmlLayout", LAYOUT));
        invalid.put("htmlLayout", Map.of("name", "No layout"));
        invalid.put("htmlLayout ", Map.of("name", "No slot", "htmlLayout", "<p>nothing</p>"));
        invalid.put("htmlLayout  ", Map.of("name", "Two slots", "htmlLayout", "{{content}}<hr>{{ content }}"));
        invalid.put("htmlLayout   ", Map.of("name", "Typo", "htmlLayout", "{{content}} {{frstName}}"));
        invalid.put("htmlLayout    ", Map.of("name", "Huge", "htmlLayout", "{{content}}" + "x".repeat(30_000)));
        invalid.put("textLayout", Map.of("name", "Text without slot", "htmlLayout", LAYOUT, "textLayout", "Bye"));
        invalid.put("name ", Map.of("name", " ", "htmlLayout", LAYOUT));
        for (Map.Entry<String, Map<String, Object>> entry : invalid.entrySet()) {
            Response refused = createTemplate("editor", entry.getValue());
            assertThat(refused.status()).as(entry.getKey() + ": " + refused).isEqualTo(400);
            assertThat(refused.raw().getHeaders().get("content-type")).isEqualTo("application/problem+json");
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo(entry.getKey().strip());
        }
        assertThat(templateCount()).isEqualTo(before);

        assertThat(createTemplate("viewer", valid).status()).isEqualTo(403);
        assertThat(createTemplate("approver", valid).status()).isEqualTo(201);
        Response created = createTemplate("editor", valid);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.raw().getHeaders().get("etag")).isEqualTo("\"1\"");
        assertThat(ApiCall.to(campaigns, "PATCH /templates/{templateId}", id).as("v", "viewer")
                .json(Map.of("name", "Mine")).send().status()).isEqualTo(403);
        assertThat(ApiCall.to(campaigns, "DELETE /templates/{templateId}", id).as("v", "viewer").send().status())
                .isEqualTo(403);
        Response viewed = ApiCall.to(campaigns, "GET /templates/{templateId}", id).as("v", "viewer").send();
        assertThat(viewed.status()).isEqualTo(200);
        assertThat(viewed.json().get("htmlLayout").asText()).isEqualTo(LAYOUT);
        JsonNode listed = ApiCall.from(campaigns, "events/campaigns/list-templates.json").query("limit", "200").send()
                .json();
        assertThat(listed.get("items")).extracting(t -> t.get("id").asText()).contains(id);
        assertThat(editTemplate(id, "ed", Map.of("htmlLayout", "no slot")).json().at("/errors/0/field").asText())
                .isEqualTo("htmlLayout");
        Response stale = ApiCall.to(campaigns, "PATCH /templates/{templateId}", id).as("ed", "editor")
                .header("if-match", "\"7\"").json(Map.of("name", "Stale")).send();
        assertThat(stale.status()).isEqualTo(412);
        Response unknown = ApiCall.to(campaigns, "GET /templates/{templateId}", "00000000-0000-0000-0000-000000000000")
                .as("v", "viewer").send();
        assertThat(unknown.status()).isEqualTo(404);
        Response roundWithNone = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds",
                        fixtures.campaign(RoundFixtures.tag())).as("ed", "editor")
                .json(Map.of("name", "R", "templateId", "00000000-0000-0000-0000-000000000000")).send();
        assertThat(roundWithNone.status()).isEqualTo(400);
        assertThat(roundWithNone.json().at("/errors/0/field").asText()).isEqualTo("templateId");
    }

    @Test
    void thePreviewIsExactlyWhatTheLauncherSendsContentInTheLayoutWithMergeFieldsAndTheUnsubscribeLink()
            throws Exception {
        String tag = RoundFixtures.tag();
        String[] ann = listWithAnn(tag);
        String templateId = template("Newsletter " + tag);
        String roundId = templatedRound(fixtures.campaign(tag), ann[0], templateId);

        Response preview = ApiCall.to(campaigns, "GET /rounds/{roundId}/preview", roundId).as("ed", "editor")
                .query("contactId", ann[1]).send();
        Response sample = ApiCall.to(campaigns, "GET /rounds/{roundId}/preview", roundId).as("ed", "editor").send();
        fixtures.submit(roundId, "ed");
        JsonNode approved = fixtures.approve(roundId, "boss").json();
        makeDue(roundId);
        launch();
        Map<String, String> sent = outbox(roundId, false);

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode shown = preview.json();
        assertThat(shown.get("subject").asText()).isEqualTo("News for Ann").isEqualTo(sent.get("subject"));
        assertThat(shown.get("html").asText()).isEqualTo(sent.get("html"))
                .startsWith("<html><body><h1>Example News</h1><main><p>Hello Ann, your plan: pro</p></main>")
                .contains("Sent to ann-" + tag + "@x.com", "href=\"https://api.test.example/unsubscribe?token=");
        assertThat(shown.get("text").asText()).isEqualTo(sent.get("text")).startsWith("Hello Ann\n--\nSent to ann-");
        assertThat(shown.at("/headers/List-Unsubscribe").asText()).isEqualTo(sent.get("link"));
        assertThat(shown.get("templateVersion").asInt()).isEqualTo(1);
        assertThat(shown.at("/contact/sample").asBoolean()).isFalse();
        // Without a contact, an editor sees the first of the audience: Ann here.
        assertThat(sample.json().get("html")).isEqualTo(shown.get("html"));
        assertThat(approved.get("approvedTemplateVersion").asInt()).isEqualTo(1);
        assertThat(round(roundId).get("templateId").asText()).isEqualTo(templateId);
        assertThat(round(roundId).get("status").asText()).isEqualTo("sent");
    }

    @Test
    void aTestSendAndThePreflightSeeTheRenderedMessage() throws Exception {
        String tag = RoundFixtures.tag();
        String[] ann = listWithAnn(tag);
        String templateId = template("Checked " + tag);
        String roundId = templatedRound(fixtures.campaign(tag), ann[0], templateId);

        Response tested = ApiCall.to(campaigns, "POST /rounds/{roundId}/test-send", roundId).as("ed", "editor")
                .json(Map.of("emails", List.of("ann-" + tag + "@x.com"))).send();
        assertThat(tested.status()).as(tested.toString()).isEqualTo(200);
        Map<String, String> test = outbox(roundId, true);
        assertThat(test.get("subject")).isEqualTo("[TEST] News for Ann");
        assertThat(test.get("html")).startsWith("<html><body><h1>Example News</h1><main><p>Hello Ann");

        // A typo in the content is an unknown merge field of the rendered message.
        ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as("ed", "editor")
                .json(Map.of("htmlBody", "<p>Hello {{frstName}}</p>")).send();
        Response submitted = fixtures.submit(roundId, "ed");
        assertThat(submitted.status()).isEqualTo(422);
        assertThat(submitted.json().get("detail").asText()).contains("frstName");
        JsonNode checklist = ApiCall.to(campaigns, "GET /rounds/{roundId}/preflight", roundId).as("v", "viewer").send()
                .json();
        assertThat(checklist.get("items")).anySatisfy(item -> {
            assertThat(item.get("check").asText()).isEqualTo("template");
            assertThat(item.get("status").asText()).isEqualTo("pass");
            assertThat(item.get("detail").asText()).isEqualTo("Checked " + tag + " (version 1)");
        });

        // Content and layout together must fit the row the launcher reads.
        String big = createTemplate("editor", Map.of("name", "Big " + tag, "htmlLayout",
                "{{content}}" + "<!-- layout -->".repeat(1_300))).json().get("id").asText();
        ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as("ed", "editor")
                .json(Map.of("templateId", big, "htmlBody", "<p>" + "Autumn offers. ".repeat(3_000) + "</p>")).send();
        Response tooBig = fixtures.submit(roundId, "ed");
        assertThat(tooBig.status()).isEqualTo(422);
        assertThat(tooBig.json().get("detail").asText()).contains("size: ");

        // A copy keeps the template.
        Response copy = ApiCall.to(campaigns, "POST /rounds/{roundId}/copy", roundId).as("ed", "editor").send();
        assertThat(copy.json().get("templateId").asText()).isEqualTo(big);
    }

    @Test
    void editingTheLayoutSendsAnApprovedRoundBackAndTheApproverMustApproveTheNewVersion() {
        String tag = RoundFixtures.tag();
        String[] ann = listWithAnn(tag);
        String templateId = template("Edited " + tag);
        String roundId = templatedRound(fixtures.campaign(tag), ann[0], templateId);
        fixtures.submit(roundId, "ed");
        assertThat(fixtures.approve(roundId, "boss").json().get("status").asText()).isEqualTo("scheduled");

        // A new name only: what the round sends is the same, its approval stands.
        Response renamed = editTemplate(templateId, "tina", Map.of("name", "Renamed " + tag));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("version").asInt()).isEqualTo(2);
        assertThat(round(roundId).get("status").asText()).isEqualTo("scheduled");

        Response edited = editTemplate(templateId, "tina", Map.of("htmlLayout", "<div>{{content}}</div>"));
        JsonNode after = round(roundId);
        Response byEditor = fixtures.approve(roundId, "tina");

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.raw().getHeaders().get("etag")).isEqualTo("\"3\"");
        assertThat(after.get("status").asText()).isEqualTo("pending_approval");
        assertThat(after.get("approvedTemplateVersion").isNull()).isTrue();
        assertThat(byEditor.status()).isEqualTo(403);
        assertThat(count("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action = 'round.updated'"
                + " AND detail->>'reason' LIKE 'the template % changed'", roundId)).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action = "
                + "'template.updated'", templateId)).isEqualTo(2);
        assertThat(count("SELECT count(*) AS n FROM notifications WHERE entity_id = :id"
                + " AND dedup_key LIKE '%changed-after-approval%'", roundId)).isEqualTo(1);
        Response again = fixtures.approve(roundId, "boss");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("approvedTemplateVersion").asInt()).isEqualTo(3);
        // Every version stays readable: what an old approval covered.
        assertThat(ApiCall.to(campaigns, "GET /templates/{templateId}", templateId).as("v", "viewer")
                .query("version", "1").send().json().get("htmlLayout").asText()).isEqualTo(LAYOUT);
        assertThat(ApiCall.to(campaigns, "GET /templates/{templateId}", templateId).as("v", "viewer")
                .query("version", "9").send().status()).isEqualTo(404);
        assertThat(ApiCall.to(campaigns, "GET /templates/{templateId}", templateId).as("v", "viewer")
                .query("version", "one").send().json().at("/errors/0/field").asText()).isEqualTo("version");
        database.update("UPDATE rounds SET status = 'cancelled' WHERE id = :id::uuid", Params.of("id", roundId));
    }

    @Test
    void aRoundAlreadySendingKeepsTheVersionItWasApprovedWith() throws Exception {
        String tag = RoundFixtures.tag();
        String[] ann = listWithAnn(tag);
        String templateId = template("Sending " + tag);
        String roundId = templatedRound(fixtures.campaign(tag), ann[0], templateId);
        fixtures.submit(roundId, "ed");
        fixtures.approve(roundId, "boss");
        // Claimed by a worker that died before it wrote the ledger: the next launch takes it up.
        database.update("UPDATE rounds SET status = 'sending', launched_at = now(), lease_owner = 'gone', "
                + "lease_expires_at = now() - interval '1 second', scheduled_at = now() - interval '1 minute' "
                + "WHERE id = :id::uuid", Params.of("id", roundId));

        Response edited = editTemplate(templateId, "tina", Map.of("htmlLayout", "<div class=\"v2\">{{content}}</div>"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(round(roundId).get("status").asText()).isEqualTo("sending");
        Response refused = ApiCall.to(campaigns, "DELETE /templates/{templateId}", templateId).as("ed", "editor").send();
        launch();

        assertThat(round(roundId).get("status").asText()).isEqualTo("sent");
        // The v2 layout's mark, not "v2" alone: the unsubscribe token may contain that.
        assertThat(outbox(roundId, false).get("html")).startsWith("<html><body><h1>Example News</h1>")
                .doesNotContain("class=\"v2\"");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains(roundId, "sending");
    }

    @Test
    void aTemplateInUseIsNotArchivedAndAnArchivedOneStaysReadableButTakesNoRound() {
        String tag = RoundFixtures.tag();
        String[] ann = listWithAnn(tag);
        String templateId = template("Archived " + tag);
        String campaignId = fixtures.campaign(tag);
        String roundId = templatedRound(campaignId, ann[0], templateId);

        Response inUse = ApiCall.to(campaigns, "DELETE /templates/{templateId}", templateId).as("ed", "editor").send();
        ApiCall.to(campaigns, "POST /rounds/{roundId}/cancel", roundId).as("ed", "editor").send();
        Response archived = ApiCall.to(campaigns, "DELETE /templates/{templateId}", templateId).as("ed", "editor")
                .send();
        Response twice = ApiCall.to(campaigns, "DELETE /templates/{templateId}", templateId).as("ed", "editor").send();

        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("detail").asText()).contains("Templated (" + roundId + ", draft)");
        assertThat(archived.status()).isEqualTo(204);
        assertThat(twice.status()).isEqualTo(204);
        assertThat(count("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action = "
                + "'template.archived'", templateId)).isEqualTo(1);
        JsonNode listed = ApiCall.to(campaigns, "GET /templates").as("v", "viewer").query("limit", "200").send().json();
        assertThat(listed.get("items")).extracting(t -> t.get("id").asText()).doesNotContain(templateId);
        JsonNode kept = ApiCall.to(campaigns, "GET /templates/{templateId}", templateId).as("v", "viewer").send()
                .json();
        assertThat(kept.get("archivedAt").isNull()).isFalse();
        assertThat(kept.get("archivedBy").asText()).isEqualTo("ed@example.com");
        Response newRound = ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor")
                .json(Map.of("name", "Late", "templateId", templateId)).send();
        assertThat(newRound.status()).isEqualTo(400);
        assertThat(newRound.json().at("/errors/0/field").asText()).isEqualTo("templateId");
        assertThat(editTemplate(templateId, "ed", Map.of("name", "Back")).status()).isEqualTo(409);
    }

    @Test
    void anEditTakesTheTemplateAwayWithNullAndNothingElse() {
        String tag = RoundFixtures.tag();
        String[] ann = listWithAnn(tag);
        String roundId = templatedRound(fixtures.campaign(tag), ann[0], template("Taken away " + tag));

        Response notAnId = patchRound(roundId, "{\"templateId\": \"nope\"}");
        Response aNumber = patchRound(roundId, "{\"templateId\": 5}");
        Response otherEdit = patchRound(roundId, "{\"subject\": \"Still templated\"}");
        Response takenAway = patchRound(roundId, "{\"templateId\": null}");
        JsonNode preview = ApiCall.to(campaigns, "GET /rounds/{roundId}/preview", roundId).as("ed", "editor").send()
                .json();

        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.json().at("/errors/0/field").asText()).isEqualTo("templateId");
        assertThat(aNumber.status()).isEqualTo(400);
        assertThat(aNumber.json().at("/errors/0/field").asText()).isEqualTo("templateId");
        assertThat(otherEdit.json().get("templateId").isNull()).isFalse();
        assertThat(takenAway.status()).as(takenAway.toString()).isEqualTo(200);
        assertThat(takenAway.json().get("templateId").isNull()).isTrue();
        assertThat(preview.get("html").asText()).startsWith("<p>Hello Ann").doesNotContain("Example News");
        assertThat(preview.get("templateId").isNull()).isTrue();
    }

    private static Response patchRound(String roundId, String json) {
        return ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as("ed", "editor")
                .body("application/json", json).send();
    }

    @Test
    void thePreviewKeepsPersonalDataFromViewersAndNamesWhatIsWrong() {
        String tag = RoundFixtures.tag();
        String[] ann = listWithAnn(tag);
        String roundId = templatedRound(fixtures.campaign(tag), ann[0], template("Private " + tag));
        String emptyRound = fixtures.round(fixtures.campaign(tag + "-empty"), fixtures.list(tag + "-empty", 0));

        Response viewer = ApiCall.to(campaigns, "GET /rounds/{roundId}/preview", roundId).as("v", "viewer").send();
        Response viewerNamed = ApiCall.to(campaigns, "GET /rounds/{roundId}/preview", roundId).as("v", "viewer")
                .query("contactId", ann[1]).send();
        Response noAudience = ApiCall.to(campaigns, "GET /rounds/{roundId}/preview", emptyRound).as("ed", "editor")
                .send();
        Response badId = ApiCall.to(campaigns, "GET /rounds/{roundId}/preview", roundId).as("ed", "editor")
                .query("contactId", "ann").send();
        Response noContact = ApiCall.to(campaigns, "GET /rounds/{roundId}/preview", roundId).as("ed", "editor")
                .query("contactId", "00000000-0000-0000-0000-000000000001").send();
        Response noRound = ApiCall.to(campaigns, "GET /rounds/{roundId}/preview", "00000000-0000-0000-0000-000000000002")
                .as("ed", "editor").send();

        assertThat(viewer.status()).isEqualTo(200);
        assertThat(viewer.json().at("/contact/sample").asBoolean()).isTrue();
        assertThat(viewer.json().get("html").asText()).contains("Hello Alex, your plan: </p>", "sample@example.com")
                .doesNotContain("ann-");
        assertThat(viewerNamed.status()).isEqualTo(403);
        assertThat(noAudience.json().at("/contact/sample").asBoolean()).isTrue();
        assertThat(noAudience.json().get("text").asText()).startsWith("Hello https://api.test.example/unsubscribe");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().at("/errors/0/field").asText()).isEqualTo("contactId");
        assertThat(noContact.status()).isEqualTo(404);
        assertThat(noRound.status()).isEqualTo(404);
    }
}
