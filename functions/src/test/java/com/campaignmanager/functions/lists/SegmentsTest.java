package com.campaignmanager.functions.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.campaigns.CampaignsHandler;
import com.campaignmanager.functions.launchduerounds.LaunchDueRoundsHandler;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Segments through the real routes: a round's conditions and excluded lists are validated, previewed, approved and
 * sent to exactly the people the preview counted; a saved segment's edit reaches the rounds that copy it and sends an
 * approved one back for approval.
 */
@ExtendWith(LocalDataApiExtension.class)
class SegmentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CampaignsHandler campaigns;
    private static ListsHandler lists;
    private static LaunchDueRoundsHandler launcher;
    private static Database database;
    private static RoundFixtures fixtures;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        FunctionEnvironment.install();
        campaigns = new CampaignsHandler();
        lists = new ListsHandler();
        launcher = new LaunchDueRoundsHandler();
        database = FunctionDatabase.get();
        fixtures = new RoundFixtures(campaigns, lists);
    }

    private static Map<String, Object> condition(String field, String op, Object value) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("field", field);
        condition.put("op", op);
        condition.put("value", value);
        return condition;
    }

    private static Map<String, Object> proBefore2031() {
        return Map.of("all", List.of(condition("attributes.plan", "equals", "pro"),
                condition("createdAt", "before", "2031-01-01")));
    }

    private static String csvList(String tag, String csv) {
        String listId = ApiCall.to(lists, "POST /lists").as("ed", "editor").json(Map.of("name", "Seg " + tag + " "
                + UUID.randomUUID())).send().json().get("id").asText();
        Response imported = ApiCall.to(lists, "POST /lists/{listId}/imports", listId).as("ed", "editor")
                .body("text/csv", csv).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        return listId;
    }

    private static Response createRound(String campaignId, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "R", "subject", "Hi", "textBody",
                "Hello {{unsubscribeUrl}}", "scheduledAt", RoundFixtures.FUTURE));
        body.putAll(extra);
        return ApiCall.to(campaigns, "POST /campaigns/{campaignId}/rounds", campaignId).as("ed", "editor").json(body)
                .send();
    }

    private static Response patchRound(String roundId, String who, Map<String, Object> body) {
        return ApiCall.to(campaigns, "PATCH /rounds/{roundId}", roundId).as(who, "editor").json(body).send();
    }

    private static Response preview(String roundId, String role, String limit) {
        ApiCall call = ApiCall.to(lists, "GET /rounds/{roundId}/audience", roundId).as("someone", role);
        return limit == null ? call.send() : call.query("limit", limit).send();
    }

    private static long count(String sql, String id) {
        Long n = database.querySingle(sql, Params.of("id", id), r -> r.longValue("n"));
        return n;
    }

    private static String field(Response response) {
        return response.json().get("errors").get(0).get("field").asText();
    }

    @Test
    void badConditionsAnswer400NamingTheCondition() {
        String tag = RoundFixtures.tag();
        String campaignId = fixtures.campaign(tag);
        String listId = fixtures.list(tag, 1);

        Response badOp = createRound(campaignId, Map.of("listIds", List.of(listId), "conditions", Map.of("all",
                List.of(condition("email", "exists", true), condition("attributes.plan", "like", "pro")))));
        Response badDate = createRound(campaignId, Map.of("conditions", Map.of("any",
                List.of(condition("createdAt", "before", "last week")))));
        Response badIn = createRound(campaignId, Map.of("conditions", Map.of("all",
                List.of(condition("attributes.plan", "in", List.of())))));
        Response both = createRound(campaignId, Map.of("conditions", proBefore2031(),
                "segmentId", UUID.randomUUID().toString()));
        Response noSegment = createRound(campaignId, Map.of("segmentId", UUID.randomUUID().toString()));
        Response noList = createRound(campaignId, Map.of("excludedListIds", List.of(UUID.randomUUID().toString())));
        String roundId = fixtures.round(campaignId, listId);
        Response badPatch = patchRound(roundId, "ed", Map.of("conditions", Map.of("all",
                List.of(Map.of("field", "phone", "op", "exists")))));

        assertThat(badOp.status()).as(badOp.toString()).isEqualTo(400);
        assertThat(field(badOp)).isEqualTo("conditions.all[1].op");
        assertThat(field(badDate)).isEqualTo("conditions.any[0].value");
        assertThat(field(badIn)).isEqualTo("conditions.all[0].value");
        assertThat(field(both)).isEqualTo("segmentId");
        assertThat(noSegment.status()).isEqualTo(400);
        assertThat(field(noSegment)).isEqualTo("segmentId");
        assertThat(field(noList)).isEqualTo("excludedListIds");
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(field(badPatch)).isEqualTo("conditions.all[0].field");
        assertThat(count("SELECT count(*) AS n FROM rounds WHERE campaign_id = :id::uuid", campaignId)).isEqualTo(1);
    }

    @Test
    void thePreviewCountsWhatTheLedgerIsWrittenWith() throws Exception {
        String tag = RoundFixtures.tag();
        String customers = csvList(tag, "email,first_name,plan\n"
                + "a-" + tag + "@x.com,Ann,pro\nb-" + tag + "@x.com,Bob,pro\nc-" + tag + "@x.com,Cy,free\n"
                + "d-" + tag + "@x.com,Di,pro\ne-" + tag + "@x.com,Ed,pro\nf-" + tag + "@x.com,Flo,\n");
        String churned = csvList(tag, "email\nd-" + tag + "@x.com\n");
        ApiCall.to(lists, "POST /suppressions").as("ed", "editor").json(Map.of("email", "e-" + tag + "@x.com")).send();
        String campaignId = fixtures.campaign(tag);
        Response created = createRound(campaignId, Map.of("listIds", List.of(customers), "conditions", proBefore2031(),
                "excludedListIds", List.of(churned)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String roundId = created.json().get("id").asText();
        assertThat(created.json().get("conditions")).isEqualTo(JSON.valueToTree(proBefore2031()));
        assertThat(created.json().get("excludedListIds").get(0).asText()).isEqualTo(churned);

        Response editorView = preview(roundId, "editor", "1");
        Response viewerView = preview(roundId, "viewer", null);
        Response full = preview(roundId, "approver", null);

        assertThat(editorView.status()).as(editorView.toString()).isEqualTo(200);
        assertThat(editorView.json().get("recipients").asLong()).isEqualTo(2);
        assertThat(editorView.json().get("sample")).hasSize(1);
        assertThat(editorView.json().get("sample").get(0).get("email").asText()).isEqualTo("a-" + tag + "@x.com");
        assertThat(viewerView.json().get("recipients").asLong()).isEqualTo(2);
        assertThat(viewerView.json().get("sample").isNull()).isTrue();
        assertThat(viewerView.toString()).doesNotContain("a-" + tag);
        TreeSet<String> previewed = new TreeSet<>();
        full.json().get("sample").forEach(m -> previewed.add(m.get("email").asText()));
        assertThat(previewed).containsExactly("a-" + tag + "@x.com", "b-" + tag + "@x.com");
        for (String bad : List.of("0", "101", "many")) {
            Response refused = preview(roundId, "editor", bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(field(refused)).isEqualTo("limit");
        }
        JsonNode checklist = ApiCall.to(campaigns, "GET /rounds/{roundId}/preflight", roundId).as("v", "viewer").send()
                .json();
        assertThat(checklist.toString()).contains("\"check\":\"audience\",\"status\":\"pass\",\"detail\":\"2 recipients\"");

        fixtures.submit(roundId, "ed");
        assertThat(fixtures.approve(roundId, "boss").json().get("status").asText()).isEqualTo("scheduled");
        database.update("UPDATE rounds SET scheduled_at = now() - interval '1 minute' WHERE id = :id::uuid",
                Params.of("id", roundId));
        launcher.handleRequest(SampleEvents.open("events/launch-due-rounds/scheduled.json"), new ByteArrayOutputStream(),
                null);

        List<String> ledger = database.query("SELECT email FROM deliveries WHERE round_id = :id::uuid AND NOT test "
                + "ORDER BY email", Params.of("id", roundId), r -> r.string("email"));
        assertThat(ledger).containsExactlyElementsOf(previewed);
        JsonNode sent = ApiCall.to(campaigns, "GET /rounds/{roundId}", roundId).as("v", "viewer").send().json();
        assertThat(sent.get("counts").get("recipients").asInt()).isEqualTo(2);
        assertThat(full.json().get("ledger").asBoolean()).isFalse();

        // Launched, the round's audience is its ledger: a new pro customer is not one of its recipients.
        Response joined = ApiCall.to(lists, "POST /lists/{listId}/imports", customers).as("ed", "editor")
                .body("text/csv", "email,first_name,plan\ng-" + tag + "@x.com,Gil,pro\n").send();
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        JsonNode afterLaunch = preview(roundId, "approver", null).json();
        assertThat(afterLaunch.get("ledger").asBoolean()).isTrue();
        assertThat(afterLaunch.get("recipients").asLong()).isEqualTo(2);
        TreeSet<String> ledgerSample = new TreeSet<>();
        afterLaunch.get("sample").forEach(m -> ledgerSample.add(m.get("email").asText()));
        assertThat(ledgerSample).containsExactlyElementsOf(previewed);
    }

    @Test
    void aRoundThatMatchesNobodyFailsItsPreflight() {
        String tag = RoundFixtures.tag();
        String listId = fixtures.list(tag, 2);
        String campaignId = fixtures.campaign(tag);
        String roundId = createRound(campaignId, Map.of("listIds", List.of(listId), "conditions", Map.of("all",
                List.of(condition("attributes.plan", "exists", true))))).json().get("id").asText();

        Response submitted = fixtures.submit(roundId, "ed");

        assertThat(preview(roundId, "editor", null).json().get("recipients").asLong()).isZero();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(422);
        assertThat(submitted.toString()).contains("audience");
    }

    @Test
    void changingTheConditionsOrExcludedListsOfAnApprovedRoundNeedsANewApproval() {
        String tag = RoundFixtures.tag();
        String listId = csvList(tag, "email,plan\na-" + tag + "@x.com,pro\nb-" + tag + "@x.com,free\n");
        String other = fixtures.list(tag, 1);
        String campaignId = fixtures.campaign(tag);
        String roundId = createRound(campaignId, Map.of("listIds", List.of(listId), "conditions", proBefore2031()))
                .json().get("id").asText();
        fixtures.submit(roundId, "ed");
        fixtures.approve(roundId, "boss");

        Response changed = patchRound(roundId, "sam", Map.of("conditions", Map.of("any", List.of(
                condition("attributes.plan", "in", List.of("pro", "free"))))));
        Response samApproves = ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", roundId).as("sam", "approver")
                .send();
        Response approvedAgain = fixtures.approve(roundId, "boss");
        Response excluded = patchRound(roundId, "sam", Map.of("excludedListIds", List.of(other)));
        Response cleared = patchRound(roundId, "ed", Map.of("name", "R2"));
        Response same = fixtures.approve(roundId, "boss");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("status").asText()).isEqualTo("pending_approval");
        assertThat(samApproves.status()).isEqualTo(403);
        assertThat(approvedAgain.json().get("status").asText()).isEqualTo("scheduled");
        assertThat(approvedAgain.json().get("conditions").get("any").get(0).get("op").asText()).isEqualTo("in");
        // Each approval records the conditions it covered: the first the original ones, the later two the new ones.
        String approvals = "SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action = 'round.approved'"
                + " AND detail->'after'->'conditions' ? ";
        assertThat(count(approvals.replace("?", "->'all' IS NOT NULL"), roundId)).isEqualTo(1);
        assertThat(count(approvals.replace("?", "->'any' IS NOT NULL"), roundId)).isEqualTo(2);
        assertThat(excluded.json().get("status").asText()).isEqualTo("pending_approval");
        assertThat(cleared.json().get("excludedListIds").get(0).asText()).isEqualTo(other);
        assertThat(same.json().get("status").asText()).isEqualTo("scheduled");
        assertThat(preview(roundId, "editor", null).json().get("recipients").asLong()).isEqualTo(2);
    }

    @Test
    void aSegmentEditSendsTheApprovedRoundsThatCopyItBackForApproval() {
        String tag = RoundFixtures.tag();
        String listId = csvList(tag, "email,plan\na-" + tag + "@x.com,pro\nb-" + tag + "@x.com,free\n");
        Response segment = ApiCall.to(lists, "POST /segments").as("ed", "editor").json(Map.of("name", "Pro " + tag,
                "conditions", proBefore2031())).send();
        assertThat(segment.status()).as(segment.toString()).isEqualTo(201);
        String segmentId = segment.json().get("id").asText();
        String campaignId = fixtures.campaign(tag);
        String approvedId = createRound(campaignId, Map.of("listIds", List.of(listId), "segmentId", segmentId))
                .json().get("id").asText();
        fixtures.submit(approvedId, "ed");
        fixtures.approve(approvedId, "boss");
        String draftId = createRound(campaignId, Map.of("listIds", List.of(listId), "segmentId", segmentId))
                .json().get("id").asText();
        assertThat(preview(approvedId, "editor", null).json().get("recipients").asLong()).isEqualTo(1);

        Map<String, Object> everyone = Map.of("any", List.of(condition("attributes.plan", "in", List.of("pro", "free"))));
        Response viewerEdit = ApiCall.to(lists, "PATCH /segments/{segmentId}", segmentId).as("vi", "viewer")
                .json(Map.of("conditions", everyone)).send();
        Response badEdit = ApiCall.to(lists, "PATCH /segments/{segmentId}", segmentId).as("sam", "editor")
                .json(Map.of("conditions", Map.of("all", List.of(condition("email", "before", "2020-01-01"))))).send();
        Response stale = ApiCall.to(lists, "PATCH /segments/{segmentId}", segmentId).as("sam", "editor")
                .header("If-Match", "\"7\"").json(Map.of("conditions", everyone)).send();
        String etag = ApiCall.to(lists, "GET /segments/{segmentId}", segmentId).as("v", "viewer").send()
                .raw().getHeaders().get("etag");
        Response edited = ApiCall.to(lists, "PATCH /segments/{segmentId}", segmentId).as("sam", "editor")
                .header("If-Match", etag).json(Map.of("conditions", everyone)).send();
        JsonNode approved = ApiCall.to(campaigns, "GET /rounds/{roundId}", approvedId).as("v", "viewer").send().json();
        JsonNode draft = ApiCall.to(campaigns, "GET /rounds/{roundId}", draftId).as("v", "viewer").send().json();
        Response samApproves = ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", approvedId).as("sam", "approver")
                .send();
        Response deleteWhileWaiting = ApiCall.to(lists, "DELETE /segments/{segmentId}", segmentId).as("ed", "editor")
                .send();

        assertThat(viewerEdit.status()).isEqualTo(403);
        assertThat(badEdit.status()).isEqualTo(400);
        assertThat(field(badEdit)).isEqualTo("conditions.all[0].op");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(etag).isEqualTo("\"1\"");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        assertThat(edited.raw().getHeaders().get("etag")).isEqualTo("\"2\"");
        assertThat(approved.get("status").asText()).isEqualTo("pending_approval");
        assertThat(approved.get("conditions")).isEqualTo(JSON.valueToTree(everyone));
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("conditions")).isEqualTo(JSON.valueToTree(everyone));
        assertThat(preview(approvedId, "editor", null).json().get("recipients").asLong()).isEqualTo(2);
        assertThat(samApproves.status()).isEqualTo(403);
        assertThat(count("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action = "
                + "'round.updated' AND detail->>'reason' LIKE 'the segment % changed'", approvedId)).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM notifications WHERE entity_id = :id", approvedId))
                .isGreaterThanOrEqualTo(2);
        assertThat(deleteWhileWaiting.status()).isEqualTo(409);
        assertThat(deleteWhileWaiting.toString()).contains(approvedId);

        ApiCall.to(campaigns, "POST /rounds/{roundId}/cancel", approvedId).as("ed", "editor").send();
        Response deleted = ApiCall.to(lists, "DELETE /segments/{segmentId}", segmentId).as("ed", "editor").send();
        JsonNode detached = ApiCall.to(campaigns, "GET /rounds/{roundId}", draftId).as("v", "viewer").send().json();
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(detached.get("segmentId").isNull()).isTrue();
        assertThat(detached.get("conditions")).isEqualTo(JSON.valueToTree(everyone));
        assertThat(count("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action LIKE "
                + "'segment.%'", segmentId)).isEqualTo(3);
    }

    @Test
    void everyMemberReadsSegmentsAndOnlyWritersWriteThem() {
        String tag = RoundFixtures.tag();
        Response byViewer = ApiCall.to(lists, "POST /segments").as("vi", "viewer").json(Map.of("name", "V " + tag,
                "conditions", proBefore2031())).send();
        Response byApprover = ApiCall.to(lists, "POST /segments").as("ap", "approver").json(Map.of("name", "A " + tag,
                "conditions", proBefore2031(), "description", "by an approver")).send();
        Response duplicate = ApiCall.to(lists, "POST /segments").as("ed", "editor").json(Map.of("name", "A " + tag,
                "conditions", proBefore2031())).send();
        Response noConditions = ApiCall.to(lists, "POST /segments").as("ed", "editor").json(Map.of("name", "N " + tag))
                .send();
        String id = byApprover.json().get("id").asText();
        Response read = ApiCall.to(lists, "GET /segments/{segmentId}", id).as("vi", "viewer").send();
        Response page = ApiCall.to(lists, "GET /segments").as("vi", "viewer").query("q", "A " + tag).send();
        Response deleteByViewer = ApiCall.to(lists, "DELETE /segments/{segmentId}", id).as("vi", "viewer").send();
        Response missing = ApiCall.to(lists, "GET /segments/{segmentId}", UUID.randomUUID()).as("vi", "viewer").send();

        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(byApprover.status()).as(byApprover.toString()).isEqualTo(201);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(noConditions.status()).isEqualTo(400);
        assertThat(field(noConditions)).isEqualTo("conditions");
        assertThat(read.json().get("conditions")).isEqualTo(JSON.valueToTree(proBefore2031()));
        List<String> names = new ArrayList<>();
        page.json().get("items").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactly("A " + tag);
        assertThat(deleteByViewer.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(404);
    }
}
