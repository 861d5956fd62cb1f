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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Four-eyes as an attacker would try to walk around it: another token of the submitter, an edit before approving,
 * a decision on a version that changed, a new sender on an approved round; and test sends that cannot reach the
 * suppressed, flood, or point links at a host of the caller's choosing.
 */
@ExtendWith(LocalDataApiExtension.class)
class FourEyesTest {
    private static CampaignsHandler campaigns;
    private static ListsHandler lists;
    private static Database database;
    private static RoundFixtures fixtures;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        campaigns = new CampaignsHandler();
        lists = new ListsHandler();
        database = FunctionDatabase.get();
        fixtures = new RoundFixtures(campaigns, lists);
    }

    private record Fixture(String campaignId, String listId, String roundId) {
    }

    private static Fixture pendingRound(String submitter) {
        String tag = RoundFixtures.tag();
        String listId = fixtures.list(tag, 1);
        String campaignId = fixtures.campaign(tag);
        String roundId = fixtures.round(campaignId, listId);
        Response submitted = fixtures.submit(roundId, submitter);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return new Fixture(campaignId, listId, roundId);
    }

    private static Response approve(String roundId, String who) {
        return fixtures.approve(roundId, who);
    }

    private static long count(String sql, String id) {
        return database.querySingle(sql, Params.of("id", id), r -> r.longValue("n"));
    }

    @Test
    void theSubmitterCannotApproveWithAnotherTokenThatHasNoEmail() {
        Fixture round = pendingRound("sam");

        // An access token: the same subject, no e-mail claim.
        Response accessToken = ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", round.roundId())
                .withClaims(Map.of("sub", "sam", "cognito:groups", "[approver]")).send();

        assertThat(accessToken.status()).as(accessToken.toString()).isEqualTo(403);
        assertThat(approve(round.roundId(), "other-approver").status()).isEqualTo(200);
    }

    @Test
    void whoeverChangedAWaitingRoundCannotApproveIt() {
        Fixture round = pendingRound("sam");

        Response edited = ApiCall.to(campaigns, "PATCH /rounds/{roundId}", round.roundId()).as("root", "admin")
                .json(Map.of("subject", "Hi, changed")).send();
        Response selfApproved = ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", round.roundId())
                .as("root", "admin").send();
        // A rename changes nothing the approval covers: that editor is not barred.
        ApiCall.to(campaigns, "PATCH /rounds/{roundId}", round.roundId()).as("renamer", "editor", "approver")
                .json(Map.of("name", "R (final)")).send();

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("status").asText()).isEqualTo("pending_approval");
        assertThat(selfApproved.status()).as(selfApproved.toString()).isEqualTo(403);
        assertThat(approve(round.roundId(), "renamer").status()).isEqualTo(200);
    }

    @Test
    void aDecisionAppliesToTheVersionTheApproverSaw() {
        Fixture round = pendingRound("sam");
        Response seen = ApiCall.to(campaigns, "GET /rounds/{roundId}", round.roundId()).as("ann", "approver").send();
        String etag = seen.raw().getHeaders().get("etag");
        int version = seen.json().get("version").asInt();
        assertThat(etag).isEqualTo("\"" + version + "\"");

        ApiCall.to(campaigns, "PATCH /rounds/{roundId}", round.roundId()).as("ed", "editor")
                .json(Map.of("htmlBody", "<p>Something else entirely</p>")).send();
        Response stale = ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", round.roundId()).as("ann", "approver")
                .header("If-Match", etag).send();
        Response staleReject = ApiCall.to(campaigns, "POST /rounds/{roundId}/reject", round.roundId())
                .as("ann", "approver").json(Map.of("reason", "no", "version", version)).send();
        Response fresh = ApiCall.to(campaigns, "GET /rounds/{roundId}", round.roundId()).as("ann", "approver").send();
        Response approved = ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", round.roundId())
                .as("ann", "approver").header("If-Match", fresh.raw().getHeaders().get("etag")).send();
        Response badTag = ApiCall.to(campaigns, "POST /rounds/{roundId}/approve", round.roundId())
                .as("ann", "approver").header("If-Match", "\"x\"").send();

        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.json().get("version").asInt()).isEqualTo(fresh.json().get("version").asInt());
        assertThat(staleReject.status()).isEqualTo(412);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("approvedVersion").asInt()).isEqualTo(fresh.json().get("version").asInt());
        assertThat(badTag.status()).isEqualTo(400);
        assertThat(count("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action = 'round.approved'"
                + " AND (detail->>'decidedVersion')::int = " + fresh.json().get("version").asInt(), round.roundId()))
                .isEqualTo(1);
    }

    @Test
    void aNewReplyToSendsApprovedRoundsBackForApproval() {
        Fixture round = pendingRound("sam");
        approve(round.roundId(), "ann");

        Response changed = ApiCall.to(campaigns, "PATCH /campaigns/{campaignId}", round.campaignId())
                .as("mallory", "editor", "approver").json(Map.of("replyTo", "mallory@evil.example")).send();
        Response after = ApiCall.to(campaigns, "GET /rounds/{roundId}", round.roundId()).as("v", "viewer").send();
        Response byChanger = approve(round.roundId(), "mallory");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(after.json().get("status").asText()).isEqualTo("pending_approval");
        assertThat(byChanger.status()).isEqualTo(403);
        assertThat(count("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action = 'round.updated'"
                + " AND detail->>'reason' = 'the campaign''s sender changed'", round.roundId())).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM notifications WHERE entity_id = :id"
                + " AND dedup_key LIKE '%changed-after-approval%'", round.roundId())).isEqualTo(1);

        // While a round is sending, its sender stays as launched.
        assertThat(approve(round.roundId(), "ann").status()).isEqualTo(200);
        database.update("UPDATE rounds SET status = 'sending' WHERE id = :id::uuid", Params.of("id", round.roundId()));
        Response duringSend = ApiCall.to(campaigns, "PATCH /campaigns/{campaignId}", round.campaignId())
                .as("ed", "editor").json(Map.of("fromName", "Someone else")).send();
        assertThat(duringSend.status()).isEqualTo(409);
        assertThat(ApiCall.to(campaigns, "GET /campaigns/{campaignId}", round.campaignId()).as("v", "viewer").send()
                .json().get("fromName").asText()).isNotEqualTo("Someone else");
        database.update("UPDATE rounds SET status = 'cancelled' WHERE id = :id::uuid", Params.of("id", round.roundId()));
    }

    @Test
    void testSendsSkipTheSuppressedAreLimitedAndLinkToTheConfiguredApi() {
        Fixture round = pendingRound("sam");
        String blocked = "blocked-" + RoundFixtures.tag() + "@example.com";
        ApiCall.to(lists, "POST /suppressions").as("ed", "editor").json(Map.of("email", blocked)).send();

        Response sent = ApiCall.to(campaigns, "POST /rounds/{roundId}/test-send", round.roundId()).as("ed", "editor")
                .header("host", "evil.example").header("x-forwarded-proto", "http")
                .json(Map.of("emails", List.of("reviewer@example.com", blocked))).send();

        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.json().get("sent")).hasSize(1);
        assertThat(sent.json().at("/skipped/0/email").asText()).isEqualTo(blocked);
        assertThat(sent.json().at("/skipped/0/reason").asText()).startsWith("suppressed");
        assertThat(count("SELECT count(*) AS n FROM outbox_messages WHERE campaign_tag = :id AND test"
                + " AND to_email = '" + blocked + "'", round.roundId())).isZero();
        assertThat(count("SELECT count(*) AS n FROM outbox_messages WHERE campaign_tag = :id AND test"
                + " AND text_body LIKE '%https://api.test.example/unsubscribe?token=%'"
                + " AND text_body NOT LIKE '%evil.example%' AND headers::text NOT LIKE '%evil.example%'",
                round.roundId())).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id AND action = 'round.test_sent'"
                + " AND detail->'skipped'->0->>'email' = '" + blocked + "'", round.roundId())).isEqualTo(1);

        // Viewers read the audit trail, but not to whom a test went.
        Response viewerAudit = ApiCall.to(campaigns, "GET /audit").as("v", "viewer")
                .query("entityId", round.roundId()).send();
        assertThat(viewerAudit.status()).isEqualTo(200);
        assertThat(viewerAudit.raw().getBody()).contains("round.test_sent").doesNotContain(blocked)
                .doesNotContain("reviewer@example.com");
        assertThat(ApiCall.to(campaigns, "GET /audit").as("ed", "editor").query("entityId", round.roundId()).send()
                .raw().getBody()).contains(blocked);

        // 1 so far; 24 more fit in the hour, the 26th does not.
        for (int i = 0; i < 4; i++) {
            List<String> five = List.of("a" + i + "@example.com", "b" + i + "@example.com", "c" + i + "@example.com",
                    "d" + i + "@example.com", "e" + i + "@example.com");
            assertThat(ApiCall.to(campaigns, "POST /rounds/{roundId}/test-send", round.roundId()).as("ed", "editor")
                    .json(Map.of("emails", five)).send().status()).isEqualTo(200);
        }
        Response fourMore = ApiCall.to(campaigns, "POST /rounds/{roundId}/test-send", round.roundId()).as("ed", "editor")
                .json(Map.of("emails", List.of("f1@example.com", "f2@example.com", "f3@example.com",
                        "f4@example.com"))).send();
        Response limited = ApiCall.to(campaigns, "POST /rounds/{roundId}/test-send", round.roundId()).as("ed", "editor")
                .json(Map.of("emails", List.of("too-many@example.com"))).send();

        assertThat(fourMore.status()).isEqualTo(200);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.raw().getHeaders().get("retry-after"))).isBetween(1, 3600);
        assertThat(count("SELECT count(*) AS n FROM deliveries WHERE round_id = :id::uuid AND test", round.roundId()))
                .isEqualTo(25);
    }
}
