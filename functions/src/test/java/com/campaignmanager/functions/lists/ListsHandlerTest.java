package com.campaignmanager.functions.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.SampleAnswers;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

/** ListsFunction through its handler, on a real PostgreSQL behind the local Data API. */
@ExtendWith(LocalDataApiExtension.class)
class ListsHandlerTest {
    private static final String CREATE_LIST = "events/lists/create-list.json";
    private static final String LIST_LISTS = "events/lists/list-lists.json";
    private static final String ADD_SUPPRESSION = "events/lists/add-suppression.json";
    private static ListsHandler HANDLER;

    @BeforeAll
    static void schema() {
        FunctionEnvironment.migrate();
        HANDLER = new ListsHandler();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String createList(String name) {
        Response created = ApiCall.from(HANDLER, CREATE_LIST).as("ed", "editor")
                .json(Map.of("name", name, "description", "test list")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static JsonNode list(String listId) {
        return ApiCall.to(HANDLER, "GET /lists/{listId}", listId).as("v", "viewer").send().json();
    }

    /** The first column of each row, read directly from the database. */
    static List<String> column(String sql, Object... args) throws Exception {
        var dataApi = LocalDataApiExtension.dataApi();
        List<String> values = new ArrayList<>();
        try (var connection = java.sql.DriverManager.getConnection(dataApi.jdbcUrl(FunctionEnvironment.install()),
                dataApi.user(), dataApi.password());
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    @ParameterizedTest(name = "events/lists, sample {index}")
    @Events(folder = "events/lists", type = APIGatewayV2HTTPEvent.class)
    void everySampleEventIsAnsweredAsItsRoutePromisesAndNeedsAToken(APIGatewayV2HTTPEvent sample) {
        SampleAnswers.check(HANDLER, sample, Map.of("POST /lists", 201, "GET /lists", 200, "POST /suppressions", 201,
                "POST /segments", 201, "GET /segments", 200));
    }

    @Test
    void listsAreCreatedReadRenamedAndDeleted() {
        String name = unique("Newsletter");
        String id = createList(name);

        JsonNode read = list(id);
        Response duplicate = ApiCall.from(HANDLER, CREATE_LIST).as("ed", "editor")
                .json(Map.of("name", name.toUpperCase())).send();
        Response renamed = ApiCall.to(HANDLER, "PATCH /lists/{listId}", id).as("ed", "editor")
                .json(Map.of("name", name + " (renamed)")).send();
        Response found = ApiCall.from(HANDLER, LIST_LISTS).as("v", "viewer").query("q", name.substring(11)).send();
        Response deleted = ApiCall.to(HANDLER, "DELETE /lists/{listId}", id).as("ed", "editor").send();
        Response gone = ApiCall.to(HANDLER, "GET /lists/{listId}", id).as("v", "viewer").send();

        assertThat(read.get("name").asText()).isEqualTo(name);
        assertThat(read.get("contactCount").asLong()).isZero();
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(renamed.json().get("name").asText()).endsWith("(renamed)");
        assertThat(found.json().get("items")).hasSize(1);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
    }

    @Test
    void badInputAndMissingRolesAreRefusedClearly() {
        Response noName = ApiCall.from(HANDLER, CREATE_LIST).as("ed", "editor").json(Map.of("description", "x")).send();
        Response viewer = ApiCall.from(HANDLER, CREATE_LIST).as("v", "viewer").json(Map.of("name", "x")).send();
        Response anonymous = ApiCall.to(HANDLER, "GET /lists").send();
        Response badCursor = ApiCall.from(HANDLER, LIST_LISTS).as("v", "viewer").query("cursor", "garbage").send();
        Response badLimit = ApiCall.from(HANDLER, LIST_LISTS).as("v", "viewer").query("limit", "500").send();

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(badCursor.json().get("errors").get(0).get("field").asText()).isEqualTo("cursor");
        assertThat(badLimit.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

    @Test
    void viewersSeeListsAndTheirCountsButNotThePeopleOnThem() {
        String listId = createList(unique("Private"));
        String email = "ivy-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        ApiCall.to(HANDLER, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", email, "firstName", "Ivy")).send();
        String contactId = ApiCall.to(HANDLER, "GET /lists/{listId}/contacts", listId).as("ed", "editor").send()
                .json().get("items").get(0).get("id").asText();

        List<Response> viewer = List.of(
                ApiCall.to(HANDLER, "GET /contacts").as("v", "viewer").send(),
                ApiCall.to(HANDLER, "GET /contacts/{contactId}", contactId).as("v", "viewer").send(),
                ApiCall.to(HANDLER, "GET /contacts/{contactId}/history", contactId).as("v", "viewer").send(),
                ApiCall.to(HANDLER, "GET /lists/{listId}/contacts", listId).as("v", "viewer").send(),
                ApiCall.to(HANDLER, "GET /suppressions").as("v", "viewer").send());
        Response approver = ApiCall.to(HANDLER, "GET /contacts/{contactId}", contactId).as("a", "approver").send();

        assertThat(viewer).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.raw().getBody()).doesNotContain(email).contains("personal data");
        });
        assertThat(list(listId).get("contactCount").asLong()).isEqualTo(1);
        assertThat(approver.json().get("email").asText()).isEqualTo(email);
    }

    @Test
    void listsPageWithACursor() {
        String prefix = unique("Paged");
        for (int i = 0; i < 5; i++) {
            createList(prefix + " " + i);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            ApiCall call = ApiCall.from(HANDLER, LIST_LISTS).as("v", "viewer").query("q", prefix).query("limit", "2");
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            JsonNode page = call.send().json();
            page.get("items").forEach(item -> names.add(item.get("name").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(names).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void addingContactsReportsWhatHappenedToEach() {
        String listId = createList(unique("Batch"));
        String suppressed = "blocked-" + UUID.randomUUID() + "@example.com";
        assertThat(ApiCall.from(HANDLER, ADD_SUPPRESSION).as("ed", "editor")
                .json(Map.of("email", suppressed, "reason", "manual")).send().status()).isEqualTo(201);
        Map<String, Object> batch = Map.of("contacts", List.of(
                Map.of("email", "  Ann@Example.COM ", "firstName", "Ann", "attributes", Map.of("plan", "pro")),
                Map.of("email", "not-an-address"),
                Map.of("email", "ann@example.com"),
                Map.of("email", suppressed),
                Map.of("email", "bob@example.com", "colour", "blue")));

        JsonNode first = ApiCall.to(HANDLER, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(batch).send().json();
        JsonNode again = ApiCall.to(HANDLER, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(batch).send().json();
        JsonNode contacts = ApiCall.to(HANDLER, "GET /lists/{listId}/contacts", listId).as("ed", "editor").send().json();

        assertThat(first.get("added").asLong()).isEqualTo(2);
        assertThat(first.get("suppressed").asLong()).isEqualTo(1);
        assertThat(first.get("duplicates").asInt()).isEqualTo(1);
        assertThat(first.get("invalid")).extracting(i -> i.get("index").asInt()).containsExactly(1, 4);
        assertThat(again.get("added").asLong()).isZero();
        assertThat(again.get("updated").asLong()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(2);
        assertThat(contacts.get("items")).extracting(c -> c.get("email").asText())
                .contains("Ann@example.com", suppressed);
        JsonNode ann = null;
        for (JsonNode item : contacts.get("items")) {
            if (item.get("email").asText().equals("Ann@example.com")) {
                ann = item;
            }
        }
        assertThat(ann).isNotNull();
        assertThat(ann.get("attributes").get("plan").asText()).isEqualTo("pro");
        assertThat(list(listId).get("contactCount").asLong()).isEqualTo(2);
    }

    @Test
    void csvImportsMergeDuplicatesKeepValidRowsAndChangeNothingTheSecondTime() {
        String listId = createList(unique("Import"));
        String csv = "\uFEFFEmail;First_Name;lastName;Company\n"
                + "carol@example.com;Carol;\"Smith; Jr\";Acme\n"
                + "bad-address;X;Y;Z\n"
                + "dave@example.com;Dave;;\n"
                + "CAROL@example.com;Caroline;;Acme Inc\n"
                + "\n"
                + "erin@example.com;\"Erin \"\"E\"\"\";Jones;Initech\n";

        JsonNode first = ApiCall.to(HANDLER, "POST /lists/{listId}/imports", listId).as("ed", "editor")
                .body("text/csv", csv).send().json();
        JsonNode second = ApiCall.to(HANDLER, "POST /lists/{listId}/imports", listId).as("ed", "editor")
                .body("text/csv; charset=utf-8", csv).send().json();
        JsonNode carol = ApiCall.to(HANDLER, "GET /lists/{listId}/contacts", listId).as("ed", "editor")
                .query("q", "carol").send().json().get("items").get(0);

        assertThat(first.get("rows").asInt()).isEqualTo(5);
        assertThat(first.get("added").asLong()).isEqualTo(3);
        assertThat(first.get("duplicates").asInt()).isEqualTo(1);
        assertThat(first.get("invalid")).hasSize(1);
        assertThat(first.get("invalid").get(0).get("line").asLong()).isEqualTo(3);
        assertThat(first.get("invalid").get(0).get("email").asText()).isEqualTo("bad-address");
        assertThat(second.get("added").asLong()).isZero();
        assertThat(second.get("updated").asLong()).isZero();
        assertThat(second.get("unchanged").asLong()).isEqualTo(3);
        assertThat(carol.get("firstName").asText()).isEqualTo("Caroline");
        assertThat(carol.get("lastName").asText()).isEqualTo("Smith; Jr");
        assertThat(carol.get("attributes").get("Company").asText()).isEqualTo("Acme Inc");
    }

    @Test
    void importsRefuseWhatIsNotACsvOfContacts() {
        String listId = createList(unique("Refused"));

        Response json = ApiCall.to(HANDLER, "POST /lists/{listId}/imports", listId).as("ed", "editor")
                .json("{}").send();
        Response noEmail = ApiCall.to(HANDLER, "POST /lists/{listId}/imports", listId).as("ed", "editor")
                .body("text/csv", "name,company\nx,y\n").send();

        assertThat(json.status()).isEqualTo(415);
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.json().get("detail").asText()).contains("email column");
    }

    @Test
    void twoConcurrentImportsIntoOneListAddEveryoneOnce() throws Exception {
        String listId = createList(unique("Concurrent"));
        StringBuilder a = new StringBuilder("email,first_name\n");
        StringBuilder b = new StringBuilder("email,first_name\n");
        for (int i = 0; i < 300; i++) {
            a.append("person").append(i).append("@concurrent.example.com,A\n");
            b.append("person").append(i + 150).append("@concurrent.example.com,A\n");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Response>> imports = List.of(
                    () -> ApiCall.to(HANDLER, "POST /lists/{listId}/imports", listId).as("ed", "editor")
                            .body("text/csv", a.toString()).send(),
                    () -> ApiCall.to(HANDLER, "POST /lists/{listId}/imports", listId).as("ed", "editor")
                            .body("text/csv", b.toString()).send());
            long added = 0;
            for (Future<Response> result : pool.invokeAll(imports)) {
                assertThat(result.get().status()).as(result.get().toString()).isEqualTo(200);
                added += result.get().json().get("added").asLong();
            }
            assertThat(added).isEqualTo(450);
        } finally {
            pool.shutdownNow();
        }
        assertThat(list(listId).get("contactCount").asLong()).isEqualTo(450);
    }

    @Test
    void contactsAreEditedAndErasedForGood() {
        String listId = createList(unique("Erase"));
        String email = "frank-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        ApiCall.to(HANDLER, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", email, "firstName", "Frank")).send();
        String contactId = ApiCall.to(HANDLER, "GET /lists/{listId}/contacts", listId).as("ed", "editor").send()
                .json().get("items").get(0).get("id").asText();

        Response edited = ApiCall.to(HANDLER, "PATCH /contacts/{contactId}", contactId).as("ed", "editor")
                .json(Map.of("lastName", "Ocean", "attributes", Map.of("vip", true))).send();
        Response changeEmail = ApiCall.to(HANDLER, "PATCH /contacts/{contactId}", contactId).as("ed", "editor")
                .json(Map.of("email", "other@example.com")).send();
        Response history = ApiCall.to(HANDLER, "GET /contacts/{contactId}/history", contactId).as("ed", "editor").send();
        Response editorErase = ApiCall.to(HANDLER, "DELETE /contacts/{contactId}", contactId).as("ed", "editor").send();
        Response erased = ApiCall.to(HANDLER, "DELETE /contacts/{contactId}", contactId).as("root", "admin").send();
        Response afterwards = ApiCall.to(HANDLER, "GET /contacts/{contactId}", contactId).as("ed", "editor").send();
        JsonNode readded = ApiCall.to(HANDLER, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", email)).send().json();
        JsonNode suppressions = ApiCall.to(HANDLER, "GET /suppressions").as("ed", "editor")
                .query("reason", "erased").query("limit", "200").send().json();
        Response lift = ApiCall.to(HANDLER, "DELETE /suppressions/{email}", email).as("root", "admin").send();

        assertThat(edited.json().get("firstName").asText()).isEqualTo("Frank");
        assertThat(edited.json().get("lastName").asText()).isEqualTo("Ocean");
        assertThat(edited.json().get("attributes").get("vip").asBoolean()).isTrue();
        assertThat(changeEmail.status()).isEqualTo(400);
        assertThat(history.json().get("memberships")).hasSize(1);
        assertThat(editorErase.status()).isEqualTo(403);
        assertThat(erased.status()).isEqualTo(204);
        assertThat(afterwards.status()).isEqualTo(404);
        assertThat(readded.get("suppressed").asLong()).isEqualTo(1);
        assertThat(suppressions.get("items")).allSatisfy(s -> assertThat(s.get("email").isNull()).isTrue());
        assertThat(lift.status()).isEqualTo(409);
    }

    @Test
    void patchMergesAttributesAndAuditsTheChangeWithoutTheAddress() throws Exception {
        String listId = createList(unique("Merge"));
        String email = "jo-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        ApiCall.to(HANDLER, "POST /lists/{listId}/contacts", listId).as("ed", "editor").json(Map.of("email", email,
                "firstName", "Jo", "attributes", Map.of("plan", "pro", "tier", "silver", "city", "Paris"))).send();
        String contactId = ApiCall.to(HANDLER, "GET /lists/{listId}/contacts", listId).as("ed", "editor").send()
                .json().get("items").get(0).get("id").asText();
        Map<String, Object> patch = new java.util.HashMap<>();
        patch.put("plan", null);
        patch.put("tier", "gold");

        Response merged = ApiCall.to(HANDLER, "PATCH /contacts/{contactId}", contactId).as("ed", "editor")
                .json(Map.of("attributes", patch)).send();
        Response same = ApiCall.to(HANDLER, "PATCH /contacts/{contactId}", contactId).as("ed", "editor")
                .json(Map.of("attributes", Map.of("tier", "gold"))).send();
        Response badAttributes = ApiCall.to(HANDLER, "PATCH /contacts/{contactId}", contactId).as("ed", "editor")
                .json(Map.of("attributes", List.of("x"))).send();
        Response missing = ApiCall.to(HANDLER, "PATCH /contacts/{contactId}", UUID.randomUUID()).as("ed", "editor")
                .json(Map.of("firstName", "X")).send();
        List<String> audited = column("SELECT detail::text FROM audit_events WHERE action = 'contact.updated' "
                + "AND entity_id = ?", contactId);

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("attributes")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(Map.of("tier", "gold", "city", "Paris")));
        assertThat(merged.json().get("firstName").asText()).isEqualTo("Jo");
        assertThat(same.json().get("attributes").size()).isEqualTo(2);
        assertThat(badAttributes.json().at("/errors/0/field").asText()).isEqualTo("attributes");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(audited).as("one entry: the edit that changed something").hasSize(1);
        JsonNode detail = new com.fasterxml.jackson.databind.ObjectMapper().readTree(audited.get(0));
        assertThat(detail.at("/before/attributes/plan").asText()).isEqualTo("pro");
        assertThat(detail.at("/after/attributes").has("plan")).isFalse();
        assertThat(detail.at("/after/attributes/tier").asText()).isEqualTo("gold");
        assertThat(detail.get("requestId").asText()).startsWith("test-");
        assertThat(audited.get(0)).doesNotContain(email);
    }

    @Test
    void suppressionsAddedAndLiftedAreAuditedByTheirHash() throws Exception {
        String email = "kim-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        String hash = com.campaignmanager.shared.audience.EmailAddress.parse(email).hash();

        ApiCall.from(HANDLER, ADD_SUPPRESSION).as("ed", "editor").json(Map.of("email", email)).send();
        ApiCall.from(HANDLER, ADD_SUPPRESSION).as("ed", "editor").json(Map.of("email", email)).send();
        ApiCall.to(HANDLER, "DELETE /suppressions/{email}", email).as("root", "admin").send();
        List<String> trail = column("SELECT action || ' ' || actor || ' ' || detail::text FROM audit_events "
                + "WHERE entity_type = 'suppression' AND entity_id = ? ORDER BY occurred_at, action DESC", hash);

        assertThat(trail).hasSize(2);
        assertThat(trail.get(0)).startsWith("suppression.added ed@example.com").contains("\"reason\": \"manual\"");
        assertThat(trail.get(1)).startsWith("suppression.lifted root@example.com");
        assertThat(trail).allSatisfy(entry -> assertThat(entry).doesNotContain(email));
    }

    @Test
    void manualSuppressionsAreListedAndLiftedByAdminsOnly() {
        String email = "pause-" + UUID.randomUUID().toString().substring(0, 6) + "@Example.com";

        Response added = ApiCall.from(HANDLER, ADD_SUPPRESSION).as("ed", "editor")
                .json(Map.of("email", email, "reason", "manual")).send();
        Response wrongReason = ApiCall.from(HANDLER, ADD_SUPPRESSION).as("ed", "editor")
                .json(Map.of("email", email, "reason", "spam_complaint")).send();
        JsonNode found = ApiCall.to(HANDLER, "GET /suppressions").as("ed", "editor").query("q", email.substring(0, 12))
                .send().json();
        Response byEditor = ApiCall.to(HANDLER, "DELETE /suppressions/{email}", email).as("ed", "editor").send();
        Response byAdmin = ApiCall.to(HANDLER, "DELETE /suppressions/{email}", email).as("root", "admin").send();
        Response again = ApiCall.to(HANDLER, "DELETE /suppressions/{email}", email).as("root", "admin").send();

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("reason").asText()).isEqualTo("manual");
        assertThat(wrongReason.status()).isEqualTo(400);
        assertThat(found.get("items")).hasSize(1);
        assertThat(byEditor.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
    }

    @Test
    void unsubscribeLinksWorkOnceAndForgedOnesChangeNothing() throws Exception {
        String listId = createList(unique("Unsubscribe"));
        String email = "gina-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        ApiCall.to(HANDLER, "POST /lists/{listId}/contacts", listId).as("ed", "editor")
                .json(Map.of("email", email)).send();
        UUID contactId = UUID.fromString(ApiCall.to(HANDLER, "GET /lists/{listId}/contacts", listId).as("ed", "editor")
                .send().json().get("items").get(0).get("id").asText());
        UUID roundId = UUID.randomUUID();
        com.campaignmanager.shared.audience.UnsubscribeTokens tokens = new com.campaignmanager.shared.audience.UnsubscribeTokens(
                com.campaignmanager.shared.audience.UnsubscribeSigningKey.from(
                        com.campaignmanager.shared.config.Environment.system()));
        String token = tokens.create(contactId, roundId);
        String forged = new com.campaignmanager.shared.audience.UnsubscribeTokens("another-key-that-is-at-least-32-chars-long")
                .create(contactId, roundId);

        Response page = ApiCall.to(HANDLER, "GET /unsubscribe").query("token", token).send();
        Response forgedPost = ApiCall.to(HANDLER, "POST /unsubscribe").query("token", forged)
                .body("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").send();
        Response malformed = ApiCall.to(HANDLER, "POST /unsubscribe").query("token", "abc").send();
        boolean suppressedBefore = ApiCall.to(HANDLER, "GET /contacts/{contactId}", contactId).as("ed", "editor").send()
                .json().get("suppressed").asBoolean();
        Response oneClick = ApiCall.to(HANDLER, "POST /unsubscribe").query("token", token)
                .body("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").send();
        Response again = ApiCall.to(HANDLER, "POST /unsubscribe").query("token", token)
                .body("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").send();
        JsonNode contact = ApiCall.to(HANDLER, "GET /contacts/{contactId}", contactId).as("ed", "editor").send().json();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().getHeaders().get("content-type")).startsWith("text/html");
        assertThat(page.raw().getBody()).contains("g***@example.com").doesNotContain(email);
        assertThat(forgedPost.status()).isEqualTo(400);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(suppressedBefore).isFalse();
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(contact.get("suppression").get("reason").asText()).isEqualTo("unsubscribed");
        var dataApi = LocalDataApiExtension.dataApi();
        try (var connection = java.sql.DriverManager.getConnection(dataApi.jdbcUrl(FunctionEnvironment.install()),
                dataApi.user(), dataApi.password());
             var statement = connection.prepareStatement("SELECT count(*) FROM audit_events WHERE action = "
                     + "'contact.unsubscribed' AND entity_id = ? AND detail->>'roundId' = ?")) {
            statement.setString(1, contactId.toString());
            statement.setString(2, roundId.toString());
            try (var rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void bulkActionsWorkOnManyContactsAtOnce() {
        String from = createList(unique("Bulk from"));
        String to = createList(unique("Bulk to"));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        ApiCall.to(HANDLER, "POST /lists/{listId}/contacts", from).as("ed", "editor").json(Map.of("contacts", List.of(
                Map.of("email", "h1-" + tag + "@example.com"), Map.of("email", "h2-" + tag + "@example.com"),
                Map.of("email", "h3-" + tag + "@example.com")))).send();
        List<String> ids = new ArrayList<>();
        ApiCall.to(HANDLER, "GET /lists/{listId}/contacts", from).as("ed", "editor").send().json().get("items")
                .forEach(c -> ids.add(c.get("id").asText()));
        List<String> withUnknown = new ArrayList<>(ids);
        withUnknown.add(UUID.randomUUID().toString());

        JsonNode added = ApiCall.to(HANDLER, "POST /contacts/bulk").as("ed", "editor")
                .json(Map.of("action", "add_to_list", "listId", to, "contactIds", withUnknown)).send().json();
        JsonNode removed = ApiCall.to(HANDLER, "POST /contacts/bulk").as("ed", "editor")
                .json(Map.of("action", "remove_from_list", "listId", from, "contactIds", ids.subList(0, 1))).send().json();
        JsonNode suppressed = ApiCall.to(HANDLER, "POST /contacts/bulk").as("ed", "editor")
                .json(Map.of("action", "suppress", "contactIds", ids)).send().json();
        JsonNode suppressedAgain = ApiCall.to(HANDLER, "POST /contacts/bulk").as("ed", "editor")
                .json(Map.of("action", "suppress", "contactIds", ids)).send().json();
        Response eraseByEditor = ApiCall.to(HANDLER, "POST /contacts/bulk").as("ed", "editor")
                .json(Map.of("action", "erase", "contactIds", ids)).send();
        Response badAction = ApiCall.to(HANDLER, "POST /contacts/bulk").as("ed", "editor")
                .json(Map.of("action", "explode", "contactIds", ids)).send();
        JsonNode erased = ApiCall.to(HANDLER, "POST /contacts/bulk").as("root", "admin")
                .json(Map.of("action", "erase", "contactIds", ids)).send().json();

        assertThat(added.get("requested").asInt()).isEqualTo(4);
        assertThat(added.get("found").asLong()).isEqualTo(3);
        assertThat(added.get("affected").asLong()).isEqualTo(3);
        assertThat(removed.get("affected").asLong()).isEqualTo(1);
        assertThat(suppressed.get("affected").asLong()).isEqualTo(3);
        assertThat(suppressedAgain.get("affected").asLong()).isZero();
        assertThat(eraseByEditor.status()).isEqualTo(403);
        assertThat(badAction.json().get("errors").get(0).get("field").asText()).isEqualTo("action");
        assertThat(erased.get("affected").asLong()).isEqualTo(3);
        assertThat(ApiCall.to(HANDLER, "GET /contacts/{contactId}", ids.get(0)).as("ed", "editor").send().status())
                .isEqualTo(404);
        assertThat(list(to).get("contactCount").asLong()).isZero();
    }
}
