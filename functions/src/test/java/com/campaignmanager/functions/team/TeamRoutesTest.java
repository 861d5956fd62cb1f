package com.campaignmanager.functions.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.SampleAnswers;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.observability.Observability;
import com.campaignmanager.shared.team.Team;
import com.campaignmanager.shared.team.TeamDirectory;
import com.campaignmanager.shared.team.TeamRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * TeamFunction's routes over a database of their own (the "last admin" rule looks at every member), with the
 * first admin configured as {@code boss@example.com}.
 */
@ExtendWith(LocalDataApiExtension.class)
class TeamRoutesTest {
    private static final String ME = "events/team/get-me.json";
    private static final String MEMBERS = "events/team/list-members.json";
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> team;
    private static Database database;

    @BeforeAll
    static void setUp() {
        database = FunctionDatabase.fresh("team");
        ObjectMapper json = JsonMapper.create();
        RouteDispatcher dispatcher = new RouteDispatcher(
                new TeamRoutes(new Team(database, new TeamRepository(json), new AuditTrail(json))).routes(), json,
                new Observability(), new TeamDirectory(database, Optional.of("Boss@example.com")));
        team = dispatcher::dispatch;
    }

    private static Response add(String who, String email, String role) {
        return ApiCall.to(team, "POST /team/members").as(who).json(Map.of("email", email, "name", "N " + email,
                "role", role)).send();
    }

    @ParameterizedTest(name = "events/team, sample {index}")
    @Events(folder = "events/team", type = APIGatewayV2HTTPEvent.class)
    void everySampleEventIsAnsweredAsItsRoutePromisesAndNeedsAToken(APIGatewayV2HTTPEvent sample) {
        SampleAnswers.check(team, sample, Map.of("GET /me", 200, "GET /team/members", 200));
    }

    @Test
    void theFirstAdminComesFromConfigurationAndManagesTheTeam() {
        Response me = ApiCall.from(team, ME).as("boss").send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(me.json().get("memberId").isNull()).isFalse();
        assertThat(me.json().get("unreadNotifications").asInt()).isZero();
        // Two Data API calls: matching the caller to the team, then the member's name and unread count.
        long before = database.calls();
        ApiCall.from(team, ME).as("boss").send();
        assertThat(database.calls() - before).isEqualTo(2);

        Response created = add("boss", "Vera@Example.com", "viewer");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("email").asText()).isEqualTo("vera@example.com");
        assertThat(created.raw().getHeaders().get("location")).endsWith(created.json().get("id").asText());

        // Vera's token says admin; the team says viewer, and the team decides.
        Response veraMe = ApiCall.from(team, ME).as("vera", "admin").send();
        assertThat(veraMe.json().get("roles").toString()).isEqualTo("[\"viewer\"]");
        assertThat(add("vera", "x@example.com", "admin").status()).isEqualTo(403);
        assertThat(ApiCall.from(team, MEMBERS).as("vera").send().json().get("items").size())
                .isGreaterThanOrEqualTo(2);

        // Her sub was learnt on that first call: a token without an email still finds her.
        JsonNode row = database.querySingle("SELECT subject FROM team_members WHERE email = 'vera@example.com'",
                com.campaignmanager.shared.db.Params.of(), r -> JsonMapper.create().valueToTree(r.string("subject")));
        assertThat(row.asText()).isEqualTo("vera");

        String veraId = created.json().get("id").asText();
        Response promoted = ApiCall.to(team, "PATCH /team/members/{memberId}", veraId).as("boss")
                .json(Map.of("role", "approver", "slackUserId", "U024BE7LH",
                        "preferences", Map.of("approval.requested", Map.of("email", false)))).send();
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.json().get("role").asText()).isEqualTo("approver");
        assertThat(promoted.json().at("/preferences/approval.requested/email").asBoolean(true)).isFalse();
        assertThat(ApiCall.from(team, ME).as("vera").send().json().get("roles").toString())
                .isEqualTo("[\"approver\"]");

        // Vera sets her own preferences; she cannot give herself another role.
        Response own = ApiCall.to(team, "PATCH /me").as("vera").json(Map.of("name", "Vera V",
                "preferences", Map.of("round.reminder", Map.of("slack", false)))).send();
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().at("/preferences/round.reminder/slack").asBoolean(true)).isFalse();
        assertThat(own.json().at("/preferences/approval.requested/email").asBoolean(true)).isFalse();
        assertThat(ApiCall.to(team, "PATCH /me").as("vera").json(Map.of("role", "admin")).send()
                .json().at("/errors/0/field").asText()).isEqualTo("role");
        assertThat(ApiCall.to(team, "PATCH /me").as("stranger", "admin").json(Map.of("name", "x")).send().status())
                .isEqualTo(403);

        Response deactivated = ApiCall.to(team, "DELETE /team/members/{memberId}", veraId).as("boss").send();
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(ApiCall.from(team, ME).as("vera", "admin").send().json().get("roles").size()).isZero();
        assertThat(ApiCall.from(team, MEMBERS).as("vera", "admin").send().status()).isEqualTo(403);
        assertThat(ApiCall.to(team, "PATCH /me").as("vera").json(Map.of("name", "x")).send().status()).isEqualTo(403);

        Response reactivated = ApiCall.to(team, "PATCH /team/members/{memberId}", veraId).as("boss")
                .json(Map.of("active", true)).send();
        assertThat(reactivated.json().get("active").asBoolean()).isTrue();
        long audited = database.querySingle("SELECT count(*) AS n FROM audit_events WHERE entity_id = :id",
                com.campaignmanager.shared.db.Params.of("id", veraId), r -> r.longValue("n"));
        // Created, bound to her subject on her first call, promoted, deactivated, reactivated.
        assertThat(audited).isEqualTo(6);
        assertThat(count(database, "SELECT count(*) AS n FROM audit_events WHERE entity_id = '" + veraId
                + "' AND action = 'member.bound' AND detail->>'subject' = 'vera'")).isEqualTo(1);
    }

    /** The claims API Gateway passes for a token: every value a string. */
    private static Map<String, String> token(String sub, String email, boolean verified, String groups) {
        Map<String, String> claims = new java.util.HashMap<>(Map.of("sub", sub));
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", String.valueOf(verified));
        }
        if (groups != null) {
            claims.put("cognito:groups", groups);
        }
        return claims;
    }

    @Test
    void aMemberIsOneSubjectNotWhoeverClaimsTheirEmail() {
        Database own = FunctionDatabase.fresh("identity");
        ObjectMapper json = JsonMapper.create();
        RouteDispatcher teamApi = new RouteDispatcher(new TeamRoutes(new Team(own, new TeamRepository(json),
                new AuditTrail(json))).routes(), json, new Observability(),
                new TeamDirectory(own, Optional.of("Boss@example.com")));
        java.util.function.Function<Map<String, String>, JsonNode> me = claims ->
                ApiCall.from(teamApi::dispatch, ME).withClaims(claims).send().json();

        // An unverified claim of the first admin's address makes nobody admin, and no member.
        JsonNode impostor = me.apply(token("x", "BOSS@Example.com", false, null));
        assertThat(impostor.get("roles").size()).isZero();
        assertThat(impostor.get("memberId").isNull()).isTrue();
        assertThat(count(own, "SELECT count(*) AS n FROM team_members")).isZero();

        // The real first admin, verified: admin, bound to their subject.
        JsonNode boss = me.apply(token("boss-sub", "boss@example.com", true, null));
        assertThat(boss.get("roles").toString()).isEqualTo("[\"admin\"]");
        String bossId = boss.get("memberId").asText();

        // Another subject with the same (verified) address gets nothing of that member: its own token's groups.
        JsonNode second = me.apply(token("other-sub", "boss@example.com", true, "[viewer]"));
        assertThat(second.get("memberId").isNull()).isTrue();
        assertThat(second.get("roles").toString()).isEqualTo("[\"viewer\"]");
        // An access token (no e-mail) of the bound subject still is the member.
        assertThat(me.apply(token("boss-sub", null, false, null)).get("memberId").asText()).isEqualTo(bossId);

        // A member added by an admin, not yet signed in: an unverified address does not bind them ...
        Response added = ApiCall.to(teamApi::dispatch, "POST /team/members")
                .withClaims(token("boss-sub", null, false, null))
                .json(Map.of("email", "carol@example.com", "role", "approver")).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode unverified = me.apply(token("carol-maybe", "carol@example.com", false, "[admin]"));
        assertThat(unverified.get("memberId").isNull()).isTrue();
        assertThat(count(own, "SELECT count(*) AS n FROM team_members WHERE email = 'carol@example.com'"
                + " AND subject IS NULL")).isEqualTo(1);
        // ... a verified one does, for good: a later subject with her address is not her.
        assertThat(me.apply(token("carol-sub", "carol@example.com", true, null)).get("roles").toString())
                .isEqualTo("[\"approver\"]");
        assertThat(me.apply(token("carol-later", "carol@example.com", true, null)).get("memberId").isNull()).isTrue();
        assertThat(count(own, "SELECT count(*) AS n FROM audit_events WHERE action = 'member.bound'"
                + " AND detail->>'subject' = 'carol-sub'")).isEqualTo(1);
    }

    private static long count(Database db, String sql) {
        return db.querySingle(sql, com.campaignmanager.shared.db.Params.of(), r -> r.longValue("n"));
    }

    @Test
    void theFirstAdminCallingTwiceAtOnceIsAdminBothTimesAndOneMember() throws Exception {
        // A database of its own: this test's admin would blur the "last admin" test's count.
        Database own = FunctionDatabase.fresh("founder");
        RouteDispatcher fresh = new RouteDispatcher(new TeamRoutes(new Team(own,
                new TeamRepository(JsonMapper.create()), new AuditTrail(JsonMapper.create()))).routes(),
                JsonMapper.create(), new Observability(),
                new TeamDirectory(own, Optional.of("founder@example.com")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> ApiCall.from(fresh::dispatch, ME).as("founder").send().json().get("roles").toString());
        }
        List<String> roles = new ArrayList<>();
        for (Future<String> call : pool.invokeAll(calls)) {
            roles.add(call.get());
        }
        pool.shutdown();
        assertThat(roles).containsOnly("[\"admin\"]");
        long members = own.querySingle("SELECT count(*) AS n FROM team_members WHERE email = 'founder@example.com'",
                com.campaignmanager.shared.db.Params.of(), r -> r.longValue("n"));
        assertThat(members).isEqualTo(1);
    }

    @Test
    void badInputNamesTheField() {
        ApiCall.from(team, ME).as("boss").send();
        assertThat(add("boss", "not-an-address", "viewer").json().at("/errors/0/field").asText()).isEqualTo("email");
        assertThat(add("boss", "r@example.com", "owner").json().at("/errors/0/field").asText()).isEqualTo("role");
        Response badPreference = ApiCall.to(team, "POST /team/members").as("boss").json(Map.of("email",
                "p@example.com", "role", "viewer", "preferences", Map.of("lunch", Map.of("email", true)))).send();
        assertThat(badPreference.status()).isEqualTo(400);
        assertThat(badPreference.json().at("/errors/0/field").asText()).isEqualTo("preferences.lunch");
        Response badSlack = ApiCall.to(team, "POST /team/members").as("boss").json(Map.of("email",
                "s@example.com", "role", "viewer", "slackUserId", "@bob")).send();
        assertThat(badSlack.json().at("/errors/0/field").asText()).isEqualTo("slackUserId");
        assertThat(add("boss", "twice@example.com", "viewer").status()).isEqualTo(201);
        assertThat(add("boss", "Twice@example.com", "editor").status()).isEqualTo(409);
        assertThat(ApiCall.to(team, "PATCH /team/members/{memberId}", "nope").as("boss").json(Map.of("name", "x"))
                .send().status()).isEqualTo(404);
        assertThat(ApiCall.from(team, MEMBERS).as("boss").query("role", "king").send()
                .json().at("/errors/0/field").asText()).isEqualTo("role");
        assertThat(ApiCall.to(team, "GET /me").send().status()).isEqualTo(401);
    }

    @Test
    void theLastAdminCannotGoEvenWhenTwoAdminsDemoteEachOtherAtOnce() throws Exception {
        String bossId = ApiCall.from(team, ME).as("boss").send().json().get("memberId").asText();
        String otherId = add("boss", "second-admin@example.com", "admin").json().get("id").asText();
        ApiCall.from(team, ME).as("second-admin").send();

        // Each admin demotes the other at the same moment: one may win, never both.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> both = new ArrayList<>();
        both.add(() -> ApiCall.to(team, "PATCH /team/members/{memberId}", otherId).as("boss")
                .json(Map.of("role", "editor")).send().status());
        both.add(() -> ApiCall.to(team, "PATCH /team/members/{memberId}", bossId).as("second-admin")
                .json(Map.of("role", "editor")).send().status());
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(both)) {
            statuses.add(status.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        long admins = database.querySingle("SELECT count(*) AS n FROM team_members WHERE role = 'admin' AND active",
                com.campaignmanager.shared.db.Params.of(), r -> r.longValue("n"));
        assertThat(admins).isEqualTo(1);

        String lastAdmin = statuses.get(0) == 200 ? "boss" : "second-admin";
        String lastAdminId = lastAdmin.equals("boss") ? bossId : otherId;
        Response deactivateSelf = ApiCall.to(team, "DELETE /team/members/{memberId}", lastAdminId).as(lastAdmin).send();
        assertThat(deactivateSelf.status()).isEqualTo(409);
        assertThat(deactivateSelf.json().at("/errors/0/field").asText()).isEqualTo("active");
    }
}
