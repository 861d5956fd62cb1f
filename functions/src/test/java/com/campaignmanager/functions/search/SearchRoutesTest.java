package com.campaignmanager.functions.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.SampleAnswers;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.http.CallerDirectory;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.observability.Observability;
import com.campaignmanager.shared.search.SiteSearch;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** Search ranking over a seeded data set of its own. */
@ExtendWith(LocalDataApiExtension.class)
class SearchRoutesTest {
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;

    @BeforeAll
    static void setUp() {
        Database database = FunctionDatabase.fresh("search");
        database.update("INSERT INTO campaigns (name, description, from_email, created_by) VALUES "
                + "('Autumn Sale 2026', 'Black Friday deals', 'n@example.com', 'seed'), "
                + "('Autumn newsletter', '', 'n@example.com', 'seed'), "
                + "('Spring sale', 'flowers', 'n@example.com', 'seed'), "
                + "('Q&A <Autumn>', '', 'n@example.com', 'seed')", Params.of());
        database.update("INSERT INTO rounds (campaign_id, name, subject, created_by) SELECT id, 'Autumn reminder', "
                + "'Last chance', 'seed' FROM campaigns WHERE name = 'Autumn Sale 2026'", Params.of());
        database.update("INSERT INTO lists (name, description) VALUES ('Autumn buyers', 'bought in 2025'), "
                + "('Newsletter', 'everyone')", Params.of());
        database.update("INSERT INTO contacts (email, email_key, email_hash, first_name, last_name) SELECT e, e, "
                + "encode(sha256(e::bytea), 'hex'), f, l FROM (VALUES ('ann@example.com', 'Ann', 'Lee'), "
                + "('anna.autumn@example.com', 'Anna', 'Autumn'), ('bob@example.com', 'Bob', 'Stone')) v (e, f, l)",
                Params.of());
        RouteDispatcher dispatcher = new RouteDispatcher(new SearchRoutes(new SiteSearch(database)).routes(),
                JsonMapper.create(), new Observability(), CallerDirectory.tokenOnly());
        api = dispatcher::dispatch;
    }

    private static JsonNode search(String role, String q, String... more) {
        ApiCall call = ApiCall.to(api, "GET /search").as("s", role).query("q", q);
        for (int i = 0; i < more.length; i += 2) {
            call.query(more[i], more[i + 1]);
        }
        return call.send().json();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("type").asText() + ":" + item.get("title").asText()));
        return titles;
    }

    @ParameterizedTest(name = "events/search, sample {index}")
    @Events(folder = "events/search", type = APIGatewayV2HTTPEvent.class)
    void everySampleEventIsAnsweredAsItsRoutePromisesAndNeedsAToken(APIGatewayV2HTTPEvent sample) {
        SampleAnswers.check(api, sample, Map.of("GET /search", 200));
    }

    @Test
    void theSampleSearchFindsWhatItsQueryAndTypesAsk() {
        // events/search/search-autumn.json as it is: q=autumn, types=campaign,round,list, an editor's token.
        List<String> found = titles(ApiCall.from(api, "events/search/search-autumn.json").send().json());

        assertThat(found).contains("campaign:Autumn Sale 2026", "round:Autumn reminder", "list:Autumn buyers")
                .noneMatch(t -> t.startsWith("contact:")).doesNotContain("campaign:Spring sale");
    }

    @Test
    void bestMatchesComeFirstAcrossTypesWithTheMatchMarked() {
        JsonNode page = search("editor", "autumn sale");
        assertThat(titles(page).get(0)).isEqualTo("campaign:Autumn Sale 2026");
        assertThat(page.at("/items/0/highlight").asText()).isEqualTo("<mark>Autumn</mark> <mark>Sale</mark> 2026");

        List<String> autumn = titles(search("editor", "autumn"));
        assertThat(autumn).contains("campaign:Autumn newsletter", "round:Autumn reminder", "list:Autumn buyers",
                "contact:anna.autumn@example.com");
        assertThat(autumn).doesNotContain("campaign:Spring sale", "list:Newsletter");
        JsonNode round = search("editor", "autumn reminder").get("items").get(0);
        assertThat(round.get("type").asText()).isEqualTo("round");
        assertThat(round.get("campaignId").isNull()).isFalse();

        // A typo still finds it; what the description says is searched too.
        assertThat(titles(search("editor", "autmn"))).contains("campaign:Autumn Sale 2026");
        assertThat(titles(search("editor", "black friday")).get(0)).isEqualTo("campaign:Autumn Sale 2026");
        // Names are marked HTML-safely.
        JsonNode odd = search("editor", "autumn", "types", "campaign").get("items");
        List<String> highlights = new ArrayList<>();
        odd.forEach(item -> highlights.add(item.get("highlight").asText()));
        assertThat(highlights).contains("Q&amp;A &lt;<mark>Autumn</mark>&gt;");
    }

    @Test
    void emailsMatchExactlyOrByPrefixAndOnlyForThoseWhoWorkWithTheAudience() {
        assertThat(titles(search("editor", "ann@example.com")).get(0)).isEqualTo("contact:ann@example.com");
        assertThat(titles(search("editor", "ann", "types", "contact")))
                .containsExactlyInAnyOrder("contact:ann@example.com", "contact:anna.autumn@example.com");
        assertThat(titles(search("editor", "bo", "types", "contact"))).containsExactly("contact:bob@example.com");
        // A LIKE wildcard in the query is a character, not a pattern.
        assertThat(titles(search("editor", "%", "types", "contact"))).isEmpty();

        JsonNode viewer = search("viewer", "ann");
        assertThat(titles(viewer)).noneMatch(t -> t.startsWith("contact:"));
        assertThat(viewer.get("omittedTypes").toString()).isEqualTo("[\"contact\"]");
        assertThat(search("approver", "ann").get("omittedTypes")).isEmpty();
    }

    @Test
    void resultsPageAndBadInputNamesTheField() {
        JsonNode first = search("editor", "autumn", "limit", "2");
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = search("editor", "autumn", "limit", "2", "cursor", first.get("nextCursor").asText());
        assertThat(titles(second)).doesNotContainAnyElementsOf(titles(first));

        assertThat(ApiCall.to(api, "GET /search").as("s", "viewer").send().json().at("/errors/0/field").asText())
                .isEqualTo("q");
        assertThat(search("viewer", "x", "types", "campaign,people").at("/errors/0/field").asText()).isEqualTo("types");
        assertThat(search("viewer", "x", "cursor", "nope").at("/errors/0/field").asText()).isEqualTo("cursor");
        assertThat(search("viewer", "x".repeat(201)).at("/errors/0/field").asText()).isEqualTo("q");
        assertThat(ApiCall.to(api, "GET /search").query("q", "x").send().status()).isEqualTo(401);
    }
}
