package com.campaignmanager.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.local.template.HttpRoute;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input on every route of template.yaml, as an admin (so that role checks pass) and in part as a viewer:
 * broken JSON, wrong types, huge numbers, deep nesting, huge strings, NUL and invalid UTF-8, bad CSV, dates,
 * zones, cursors, limits and path values. Real entities are created first and their ids put in the paths, so that
 * bodies get past the existence checks. Whatever comes in, the answer is a 2xx (the input happened to be valid)
 * or a 4xx problem+json with its status and a detail, without internals: never a 5xx.
 */
@ExtendWith(LocalDataApiExtension.class)
class RouteFuzzTest {
    /** Non-ASCII escaped, so that unpaired surrogates reach the function as the escapes a client can send. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Long runs (of a character or a short pattern), shortened in reports. */
    private static final Pattern REPEATS = Pattern.compile("(.{1,6}?)\\1{9,}");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ADMIN = "fuzz-admin-" + RUN + "@example.com";
    private static final String OTHER = "fuzz-other-" + RUN + "@example.com";
    private static final String VIEWER = "fuzz-viewer-" + RUN + "@example.com";
    private static final String MAILJET_AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("mailjet:local-webhook-secret".getBytes(StandardCharsets.UTF_8));
    /** Routes that use the entities up (a round leaves draft, a list is deleted): fuzzed after all the others. */
    private static final Pattern CONSUMING = Pattern.compile(
            "DELETE .*|POST /rounds/\\{roundId}/(submit|approve|reject|cancel|send-now)");
    /** Replaced by a new value in every call, for fields that must be unique (names, addresses). */
    private static final String UNIQUE = "@@unique@@";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static final String DIGITS = "9".repeat(1_001);
    private static final String DEEP_ARRAY = "[".repeat(1_001) + "]".repeat(1_001);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(1_001) + "1" + "}".repeat(1_001);
    /** Under the 48 KB a value may take, and over it. */
    private static final String LONG_TEXT = "x".repeat(40_000);
    private static final String TOO_LONG_TEXT = "x".repeat(50_000);

    /** The real ids, by path variable. */
    private static final Map<String, String> IDS = new LinkedHashMap<>();
    /** A valid body per route that reads one: the start of the field-by-field corpus. */
    private static final Map<String, String> SAMPLES = new LinkedHashMap<>();
    /** What a route requires in its query, so that the other parameters are reached. */
    private static final Map<String, Map<String, String>> REQUIRED_QUERY = Map.of(
            "GET /sends", Map.of("from", "2025-10-01", "to", "2025-10-31"), "GET /search", Map.of("q", "fuzz"));

    record Call(String caller, HttpRoute route, Map<String, String> variables, Map<String, String> query,
                Map<String, String> headers, String body, boolean base64) {
        Call withBody(String contentType, String text) {
            Map<String, String> withType = new LinkedHashMap<>(headers);
            if (contentType == null) {
                withType.remove("content-type");
            } else {
                withType.put("content-type", contentType);
            }
            return new Call(caller, route, variables, query, withType, text.replace(UNIQUE, unique()), false);
        }

        Call withBase64(String encoded) {
            return new Call(caller, route, variables, query, headers, encoded, true);
        }

        Call withQuery(Map<String, String> parameters) {
            Map<String, String> more = new LinkedHashMap<>(query);
            more.putAll(parameters);
            return new Call(caller, route, variables, more, headers, body, base64);
        }

        Call withVariable(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(variables);
            changed.put(name, value);
            return new Call(caller, route, changed, query, headers, body, base64);
        }

        Call as(String who) {
            return new Call(who, route, variables, query, headers, body, base64);
        }
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    // ------------------------------------------------------------------ the entities behind the ids

    @BeforeAll
    static void entities() {
        // The caller becomes a team member, so that its own inbox and settings are reachable too.
        String adminId = created(admin("POST /team/members", Map.of(),
                json(Map.of("email", ADMIN, "name", "Fuzz admin", "role", "admin"))));
        String otherId = created(admin("POST /team/members", Map.of(),
                json(Map.of("email", OTHER, "name", "Fuzz other", "role", "editor"))));
        String listId = created(admin("POST /lists", Map.of(), json(Map.of("name", "Fuzz " + RUN))));
        ok(admin("POST /lists/{listId}/contacts", Map.of("listId", listId),
                json(Map.of("email", "fuzz-contact-" + RUN + "@example.com", "firstName", "Fuzz"))));
        String contactId = ok(admin("GET /lists/{listId}/contacts", Map.of("listId", listId), null)).json()
                .get("items").get(0).get("id").asText();
        String campaignId = created(admin("POST /campaigns", Map.of(), json(Map.of("name", "Fuzz " + RUN,
                "fromEmail", "news@example.com", "fromName", "News", "timezone", "Europe/Paris"))));
        String roundId = created(admin("POST /campaigns/{campaignId}/rounds", Map.of("campaignId", campaignId),
                json(Map.of("name", "Fuzz round", "subject", "Hello", "htmlBody", "<p>Hi</p>",
                        "listIds", List.of(listId), "scheduledAt", "2031-01-01T09:00:00+01:00"))));
        // Assigned by the other member, so that the admin has a notification of their own.
        String taskId = created(send(call(OTHER, "POST /campaigns/{campaignId}/tasks", Map.of("campaignId", campaignId),
                json(Map.of("title", "Fuzz task", "assigneeId", adminId)))));
        String notificationId = ok(admin("GET /notifications", Map.of(), null)).json().get("items").get(0).get("id").asText();
        String templateId = created(admin("POST /templates", Map.of(), json(Map.of("name", "Fuzz " + RUN,
                "htmlLayout", "<main>{{content}}</main>"))));
        Map<String, Object> conditions = Map.of("all", List.of(
                ordered("field", "attributes.plan", "op", "equals", "value", "pro"),
                ordered("field", "createdAt", "op", "before", "value", "2025-09-01")));
        String segmentId = created(admin("POST /segments", Map.of(), json(Map.of("name", "Fuzz segment " + RUN,
                "conditions", conditions))));
        String suppressed = "fuzz-suppressed-" + RUN + "@example.com";
        ok(admin("POST /suppressions", Map.of(), json(Map.of("email", suppressed))));

        IDS.put("memberId", otherId);
        IDS.put("listId", listId);
        IDS.put("contactId", contactId);
        IDS.put("campaignId", campaignId);
        IDS.put("roundId", roundId);
        IDS.put("taskId", taskId);
        IDS.put("templateId", templateId);
        IDS.put("notificationId", notificationId);
        IDS.put("email", suppressed);
        IDS.put("channel", "slack");
        IDS.put("segmentId", segmentId);

        String campaign = json(ordered("name", "Fuzz campaign", "description", "d", "fromEmail", "news@example.com",
                "fromName", "News", "replyTo", "reply@example.com", "timezone", "Europe/Paris"));
        String round = json(ordered("name", "Fuzz round", "subject", "Hello", "htmlBody", "<p>Hi</p>", "textBody", "Hi",
                "listIds", List.of(listId), "scheduledAt", "2031-01-01T09:00:00+01:00", "templateId", templateId,
                "conditions", conditions, "excludedListIds", List.of()));
        String template = json(ordered("name", "Fuzz template", "description", "d", "htmlLayout",
                "<main>{{content}}</main><p>{{unsubscribeUrl}}</p>", "textLayout", "{{content}} {{firstName}}"));
        String segment = json(ordered("name", "Fuzz segment " + UNIQUE, "description", "d", "conditions", conditions));
        String task = json(ordered("roundId", roundId, "title", "Fuzz task", "notes", "n", "assigneeId", adminId,
                "dueAt", "2031-01-01T09:00:00Z", "status", "todo", "unassign", false));
        Map<String, Object> member = ordered("name", "Fuzz", "role", "editor", "slackUserId", "U024BE7LH",
                "preferences", Map.of("task.assigned", Map.of("inApp", true, "email", false, "slack", false)),
                "active", true);
        SAMPLES.put("POST /campaigns", campaign);
        SAMPLES.put("PATCH /campaigns/{campaignId}", campaign);
        SAMPLES.put("POST /campaigns/{campaignId}/rounds", round);
        SAMPLES.put("PATCH /rounds/{roundId}", round);
        SAMPLES.put("POST /rounds/{roundId}/reject", json(Map.of("reason", "Fix the subject")));
        SAMPLES.put("POST /rounds/{roundId}/stop", json(Map.of("reason", "The wrong list")));
        SAMPLES.put("POST /rounds/{roundId}/copy", json(ordered("campaignId", campaignId, "name", "Fuzz copy")));
        SAMPLES.put("POST /campaigns/{campaignId}/copy", json(Map.of("name", "Fuzz copy " + RUN)));
        SAMPLES.put("POST /templates", template);
        SAMPLES.put("PATCH /templates/{templateId}", template);
        SAMPLES.put("POST /rounds/{roundId}/test-send", json(Map.of("emails", List.of("test@example.com"))));
        SAMPLES.put("POST /segments", segment);
        SAMPLES.put("PATCH /segments/{segmentId}", segment);
        SAMPLES.put("POST /lists", json(ordered("name", "Fuzz list " + UNIQUE, "description", "d")));
        SAMPLES.put("PATCH /lists/{listId}", json(ordered("name", "Fuzz " + RUN, "description", "d")));
        SAMPLES.put("POST /lists/{listId}/contacts", json(ordered("email", "fuzz-" + UNIQUE + "@example.com",
                "firstName", "A", "lastName", "B", "attributes", Map.of("plan", "pro"))));
        SAMPLES.put("PATCH /contacts/{contactId}", json(ordered("firstName", "A", "lastName", "B",
                "attributes", Map.of("plan", "pro"))));
        SAMPLES.put("POST /contacts/bulk", json(ordered("action", "add_to_list", "listId", listId,
                "contactIds", List.of(contactId))));
        SAMPLES.put("POST /suppressions", json(ordered("email", "fuzz-" + UNIQUE + "@example.net", "reason", "manual")));
        SAMPLES.put("PATCH /me", json(ordered("name", "Fuzz admin", "slackUserId", "U024BE7LH",
                "preferences", Map.of("task.assigned", Map.of("inApp", true)))));
        SAMPLES.put("PATCH /team/members/{memberId}", json(member));
        member.put("email", "fuzz-" + UNIQUE + "@example.com");
        SAMPLES.put("POST /team/members", json(member));
        SAMPLES.put("POST /campaigns/{campaignId}/tasks", task);
        SAMPLES.put("PATCH /tasks/{taskId}", task);
        SAMPLES.put("POST /mcp", json(ordered("jsonrpc", "2.0", "id", 1, "method", "tools/call", "params",
                Map.of("name", "find_sends", "arguments", Map.of("from", "2025-10-01", "to", "2025-10-31")))));
        SAMPLES.put("POST /webhooks/mailjet", json(List.of(ordered("event", "open", "time", 1_790_000_000,
                "MessageID", 19421777835146490L, "email", "fuzz-open-" + RUN + "@example.com"))));
    }

    // ------------------------------------------------------------------ the corpus

    /** Whole bodies: all of them to the routes that read one, the first few to the others. */
    private static List<String> bodies() {
        return List.of("{\"name\":", DEEP_ARRAY, "{\"n\":" + DIGITS + "}", "{\"name\":\"a\\u0000b\"}",
                "{\"name\":\"\\ud800\"}", "[]",
                "", " ", "{} {}", "nul", "'x'", "{\"a\":1}garbage", "{}", "null", "42", "true", "\"text\"", "[null]",
                DIGITS, "{\"n\":-" + DIGITS + "}", "{\"n\":1." + DIGITS + "}", "{\"n\":1e999999999}", DEEP_OBJECT,
                "{\"" + "k".repeat(60_000) + "\":1}", "{\"a\\u0000\":1}", "{\"name\":\"a\u0000b\"}", "\u0000",
                "{\"name\":\"" + TOO_LONG_TEXT + "\"}", "\uFEFF{}", "{\"__proto__\":{\"admin\":true}}",
                "[" + "{},".repeat(5_000) + "{}]");
    }

    /** Values for any field of a valid body, one field at a time. */
    private static List<String> anyField() {
        return List.of("null", "true", "-1", "2147483648", "0.5", "[]", "{}", "\"\"", "\"x\"", quoted(LONG_TEXT),
                quoted(TOO_LONG_TEXT), "\"a\\u0000b\"", "\"\\ud800\"", "\"'; drop table campaigns; --\"",
                "\"\\u202e\\ud83d\\ude00\"");
    }

    /** Values for a field of the kind its sample value shows. */
    private static List<String> fieldOfKind(String field, JsonNode sample) {
        if (field.equals("timezone")) {
            return List.of("\"Mars/Olympus\"", "\"+25:00\"", "\"SystemV/EST5\"", "\"../../etc/passwd\"");
        }
        if (sample.isArray()) {
            String element = sample.size() > 0 ? sample.get(0).toString() : "\"x\"";
            return List.of("[null]", "[1]", "[\"not-an-id\"]", "[[]]", "[" + (element + ",").repeat(1_500) + element + "]");
        }
        if (sample.isObject()) {
            return List.of("{\"\":1}", "{\"k\":{\"deep\":[[[[[1]]]]]}}", "{\"unknown.type\":{}}",
                    "{\"k\":\"a\\u0000\"}", "{\"k\\ud800\":1}");
        }
        if (!sample.isTextual()) {
            return List.of();
        }
        String text = sample.asText();
        if (text.contains("@")) {
            return List.of("\"a@b\"", "\"a@@b.com\"", quoted("x".repeat(300) + "@example.com"), "\"ann@exa mple.com\"");
        }
        try {
            UUID.fromString(text);
            return List.of("\"not-an-id\"", "\"00000000-0000-0000-0000-000000000000\"", quoted(UUID.randomUUID().toString()),
                    quoted(text.toUpperCase()));
        } catch (IllegalArgumentException notAnId) {
            // Not an id; maybe a time.
        }
        try {
            OffsetDateTime.parse(text);
            return List.of("\"+999999999-12-31T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"0000-01-01T00:00:00Z\"",
                    "\"1899-12-31T23:59:59Z\"", "\"9999-12-31T23:59:59Z\"", "\"2025-02-30T10:00:00Z\"",
                    "\"2025-10-03T10:00:00\"", "\"2025-10-03\"", "1759449600");
        } catch (DateTimeParseException notATime) {
            return List.of();
        }
    }

    /** The query parameters routes read, each with values of its kind (the text ones with what text can break). */
    private static Map<String, List<String>> queryValues() {
        List<String> dates = List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "1899-12-31", "9999-12-31",
                "2025-02-30", "2025-13-01", "2025-1-1", "2025-10-03T00:00:00Z");
        List<String> times = List.of("+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59-12:00", "2025-10-03T00:00:00", "2025-10-03", "2025-10-03T25:00:00Z", "1759449600");
        List<String> text = List.of("\ud800", "x".repeat(10_000), TOO_LONG_TEXT, "%", "' or 1=1 --");
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("limit", List.of("-1", "0", "201", "99999999999", "1e3", "abc", "1.5", "\u0663"));
        values.put("cursor", List.of("garbage", "!!!", base64Url("v1"), base64Url("v2\u001fa\u001fb"),
                base64Url("v1\u001fnot-a-time\u001fnot-an-id"),
                base64Url("v1\u001f+999999999-12-31T23:59:59Z\u001f" + UUID.randomUUID()),
                base64Url("v1\u001f2025-10-03T00:00:00Z\u001fnot-an-id"), base64Url("v1\u001f\u0000\u001f\u0000"),
                base64Url("v1\u001f" + "x".repeat(5_000) + "\u001fy"), base64Url("v1\u001fx"),
                base64Url("v1\u001fa\u001fb\u001fc")));
        List<String> datesOrTimes = new ArrayList<>(dates);
        datesOrTimes.addAll(times);
        values.put("from", datesOrTimes);
        values.put("to", datesOrTimes);
        values.put("dueBefore", times);
        values.put("tz", List.of("Mars/Olympus", "../../etc/passwd", "+25:00", "UTC+99", "x".repeat(10_000)));
        for (String name : List.of("q", "status", "assignee", "campaignId", "types", "unread", "active", "role",
                "reason", "entityType", "entityId", "actor", "token", "contactId", "version")) {
            values.put(name, text);
        }
        return values;
    }

    /** Bodies for the CSV import, sent as text/csv. */
    private static List<String> csvFiles() {
        return List.of("", "\uFEFF", "email\n", "\"email\"x,first_name\nann@example.com,Ann\n",
                "em\"ail,first_name\nann@example.com,Ann\n", "\"email,first_name\nann@example.com,Ann\n",
                "email,email\nann@example.com,ann@example.com\n", ",,,\n,,,\n", "first_name\nAnn\n",
                "email,first_name\nann@example.com,Ann\n\"bob@example.com,Bob\n",
                "email,first_name\n\"quoted, person\"@example.net,Q\nann@example.com,Ann\n",
                "email,first_name\nann@example.com,\"Ann\"x\n", "email,first_name\nann@example.com,A\u0000nn\n",
                "email\u0000,first_name\nann@example.com,Ann\n", "email,first_name\r\rann@example.com,Ann\r",
                "email," + "c,".repeat(10_000) + "\nann@example.com\n", "email,note\nann@example.com," + TOO_LONG_TEXT + "\n",
                "email\n" + "x".repeat(1_000_000) + "\n", "email,first_name\nann@example.com,\ud800\n",
                "email;first_name,last\nann@example.com;Ann,B\n",
                "email,first_name\n\"ann@example.com\",\"multi\nline\"\n\"bob@example.com\",\"never closed\n");
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void noInputMakesA5xxOrAStackTrace() {
        long started = System.nanoTime();
        Fuzz fuzz = new Fuzz();
        List<HttpRoute> routes = new ArrayList<>(routes());
        routes.sort(Comparator.comparing(r -> CONSUMING.matcher(r.routeKey()).matches()));
        for (HttpRoute route : routes) {
            Call base = base(route);
            bodies(base, fuzz);
            queries(base, fuzz);
            pathValues(base, fuzz);
            if (!route.method().equals("GET") && route.authorized()) {
                String sample = SAMPLES.getOrDefault(route.routeKey(), "{}");
                for (String body : List.of(sample, "{\"name\":", DEEP_ARRAY, "{\"name\":\"a\\u0000b\"}")) {
                    fuzz.send(base.withBody("application/json", body).as(VIEWER));
                }
            }
        }
        System.out.printf("route fuzz: %d calls on %d routes (%d query parameters read) in %d s; statuses %s%n",
                fuzz.calls, routes.size(), fuzz.reading.size(), (System.nanoTime() - started) / 1_000_000_000,
                fuzz.statuses);

        assertThat(fuzz.reading).as("the query parameters found read")
                .contains("GET /sends from", "GET /sends to", "GET /sends tz", "GET /audit from", "GET /tasks dueBefore",
                        "GET /lists cursor", "GET /contacts limit", "GET /search q", "GET /unsubscribe token",
                        "GET /rounds/{roundId}/preview contactId", "GET /templates/{templateId} version",
                        "GET /templates limit")
                .hasSizeGreaterThan(50);
        assertThat(fuzz.faults).as(fuzz.faults.size() + " faults").isEmpty();
    }

    private static void bodies(Call base, Fuzz fuzz) {
        String sample = SAMPLES.get(base.route().routeKey());
        String contentType = base.route().routeKey().equals("POST /lists/{listId}/imports") ? "text/csv" : "application/json";
        if (sample != null) {
            // The sample is valid (a workflow step may conflict with the round's state), so its variants test one field.
            assertThat(fuzz.send(base.withBody("application/json", sample)).status()).as(sample).isIn(200, 201, 204, 409);
            JsonNode tree = parse(sample);
            JsonNode object = tree.isArray() ? tree.get(0) : tree;
            for (String field : fieldNames(object)) {
                List<String> values = new ArrayList<>(anyField());
                values.addAll(fieldOfKind(field, object.get(field)));
                for (String value : values) {
                    fuzz.send(base.withBody("application/json", replace(tree, field, value)));
                }
            }
            for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x", "")) {
                fuzz.send(base.withBody(type, sample));
            }
            fuzz.send(base.withBody(null, "{\"name\":"));
        }
        if (contentType.equals("text/csv")) {
            csvFiles().forEach(csv -> fuzz.send(base.withBody("text/csv", csv)));
            fuzz.send(base.withBody("text/csv", "").withBase64(base64("email\n\u00e9@example.com\n".getBytes(
                    StandardCharsets.ISO_8859_1))));
        }
        List<String> bodies = bodies();
        boolean readsBody = sample != null || contentType.equals("text/csv");
        for (String body : readsBody ? bodies : bodies.subList(0, 6)) {
            fuzz.send(base.withBody(contentType, body));
        }
        fuzz.send(base.withBody(contentType, "").withBase64("%%% not base64"));
        if (readsBody) {
            fuzz.send(base.withBody(contentType, "").withBase64(base64(new byte[] {'{', '"', 'n', '"', ':', '"',
                    (byte) 0xFF, (byte) 0xFE, '"', '}'})));
            fuzz.send(base.withBody(contentType, "").withBase64(base64(new byte[] {'{', '"', 'n', '"', ':', '"',
                    (byte) 0xC0, (byte) 0xAF, '"', '}'})));
        }
    }

    /**
     * Finds the query parameters a route reads by sending all of them with a NUL: the route refuses the first it
     * reads, naming it, which is then left out (or given its required value) until the route refuses none. Each
     * parameter found is then sent with every value of its kind.
     */
    private static void queries(Call base, Fuzz fuzz) {
        Map<String, String> required = REQUIRED_QUERY.getOrDefault(base.route().routeKey(), Map.of());
        Map<String, List<String>> values = queryValues();
        Map<String, String> probe = new LinkedHashMap<>();
        values.keySet().forEach(name -> probe.put(name, "a\u0000b"));
        Set<String> reads = new LinkedHashSet<>();
        while (!probe.isEmpty()) {
            Answer answer = fuzz.send(base.withQuery(probe));
            String named = answer.status() == 400 ? answer.json().at("/errors/0/field").asText() : "";
            if (!probe.containsKey(named) || reads.contains(named)) {
                break;
            }
            reads.add(named);
            probe.remove(named);
            if (required.containsKey(named)) {
                probe.put(named, required.get(named));
            }
        }
        for (String name : reads) {
            fuzz.reading.add(base.route().routeKey() + " " + name);
            for (String value : values.get(name)) {
                Map<String, String> query = new LinkedHashMap<>(required);
                query.put(name, value);
                fuzz.send(base.withQuery(query));
            }
        }
    }

    private static void pathValues(Call base, Fuzz fuzz) {
        for (String variable : base.variables().keySet()) {
            for (String value : List.of("not-an-id", UUID.randomUUID().toString(), "a\u0000b", "\ud800",
                    "x".repeat(5_000), "%2e%2e%2f")) {
                fuzz.send(base.withVariable(variable, value));
            }
        }
    }

    @Test
    void aRefusedWriteLeavesNothingHalfWritten() {
        // An import with broken lines imports the good ones and reports the others by line.
        String listId = created(admin("POST /lists", Map.of(), json(Map.of("name", "Whole " + RUN))));
        Answer imported = ok(send(call(ADMIN, "POST /lists/{listId}/imports", Map.of("listId", listId), null)
                .withBody("text/csv", "email,first_name\n"
                        + "\"quoted, person\"@example.net,Q\n"
                        + "ann-" + RUN + "@example.com,A\u0000nn\n"
                        + "bob-" + RUN + "@example.com,Bob\n"
                        + "\"carol-" + RUN + "@example.com,Carol\n")));
        JsonNode summary = imported.json();
        assertThat(summary.get("rows").asInt()).isEqualTo(4);
        assertThat(summary.get("added").asInt()).isEqualTo(1);
        assertThat(summary.get("invalid").findValues("line")).extracting(JsonNode::asInt).containsExactly(2, 3, 5);
        assertThat(list(listId).get("contactCount").asInt()).isEqualTo(1);

        // A batch with one value the database cannot keep adds none of it.
        Answer batch = send(call(ADMIN, "POST /lists/{listId}/contacts", Map.of("listId", listId),
                json(Map.of("contacts", List.of(Map.of("email", "dave-" + RUN + "@example.com"),
                        Map.of("email", "erin-" + RUN + "@example.com", "firstName", "E\u0000rin"))))));
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.json().at("/errors/0/field").asText()).isEqualTo("contacts[1].firstName");
        assertThat(list(listId).get("contactCount").asInt()).isEqualTo(1);

        // A value too large to be read back is refused before it is written, so the list stays readable.
        Answer huge = send(call(ADMIN, "PATCH /lists/{listId}", Map.of("listId", listId),
                json(Map.of("description", TOO_LONG_TEXT))));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().at("/errors/0/field").asText()).isEqualTo("description");
        assertThat(list(listId).get("description").asText()).isEmpty();

        // A round with a time the database cannot keep is not created.
        String campaignId = created(admin("POST /campaigns", Map.of(), json(Map.of("name", "Whole " + RUN,
                "fromEmail", "news@example.com"))));
        Answer round = send(call(ADMIN, "POST /campaigns/{campaignId}/rounds", Map.of("campaignId", campaignId),
                json(Map.of("name", "Never", "listIds", List.of(listId), "scheduledAt", "+999999999-12-31T00:00:00Z"))));
        assertThat(round.status()).isEqualTo(400);
        assertThat(round.json().at("/errors/0/field").asText()).isEqualTo("scheduledAt");
        assertThat(ok(admin("GET /campaigns/{campaignId}/rounds", Map.of("campaignId", campaignId), null)).json()
                .get("items")).isEmpty();
    }

    // ------------------------------------------------------------------ calling and checking

    /** Sends calls and collects what is wrong with the answers. */
    private static final class Fuzz {
        final List<String> faults = new ArrayList<>();
        final Set<String> reading = new LinkedHashSet<>();
        final Map<Integer, Integer> statuses = new TreeMap<>();
        int calls;

        Answer send(Call call) {
            Answer answer = RouteFuzzTest.send(call);
            calls++;
            statuses.merge(answer.status(), 1, Integer::sum);
            String fault = call.route().path().equals("/mcp") && isJsonRpcError(answer) ? jsonRpcFault(answer)
                    : fault(answer);
            if (fault != null) {
                faults.add(describe(call) + " -> " + answer.status() + " " + fault + ": " + abbreviate(answer.body(), 300));
            }
            return answer;
        }
    }

    private static String fault(Answer answer) {
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() < 400) {
            return answer.status() >= 200 ? null : "unexpected status";
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "content-type " + answer.contentType();
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (Exception e) {
            return "a body that is not JSON";
        }
        if (problem == null || problem.path("status").asInt() != answer.status()) {
            return "a problem without its status";
        }
        if (!problem.path("detail").isTextual() && !problem.path("title").isTextual()) {
            return "a problem without detail or title";
        }
        if (answer.body().contains("Exception") || answer.body().contains("at com.")) {
            return "internals in the answer";
        }
        return null;
    }

    /** The MCP endpoint answers a message it cannot take as JSON-RPC does: a JSON-RPC error without an id. */
    private static boolean isJsonRpcError(Answer answer) {
        return answer.status() >= 400 && answer.status() < 500 && "application/json".equals(answer.contentType());
    }

    private static String jsonRpcFault(Answer answer) {
        JsonNode message;
        try {
            message = JSON.readTree(answer.body());
        } catch (Exception e) {
            return "a body that is not JSON";
        }
        if (!"2.0".equals(message.path("jsonrpc").asText()) || !message.path("error").path("code").isInt()
                || !message.path("error").path("message").isTextual()) {
            return "not a JSON-RPC error";
        }
        if (answer.body().contains("Exception") || answer.body().contains("at com.")) {
            return "internals in the answer";
        }
        return null;
    }

    private static String describe(Call call) {
        StringBuilder text = new StringBuilder(call.caller().equals(VIEWER) ? "viewer " : "")
                .append(call.route().routeKey());
        if (!call.variables().equals(base(call.route()).variables())) {
            text.append(" path=").append(call.variables());
        }
        if (!call.query().isEmpty()) {
            text.append(" query=").append(call.query());
        }
        if (call.body() != null) {
            text.append(call.base64() ? " base64 " : " body ").append(call.headers().get("content-type")).append(' ')
                    .append(call.body());
        }
        String shortened = REPEATS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "{×"
                + m.group().length() / m.group(1).length() + "}"));
        return abbreviate(shortened, 400).replace("\u0000", "\\u0000");
    }

    private static String abbreviate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length) + "…(" + text.length() + ")";
    }

    private static Call base(HttpRoute route) {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher matcher = VARIABLE.matcher(route.path());
        while (matcher.find()) {
            variables.put(matcher.group(1), IDS.get(matcher.group(1)));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (route.routeKey().equals("POST /webhooks/mailjet")) {
            headers.put("authorization", MAILJET_AUTH);
        }
        if (route.routeKey().equals("POST /mcp")) {
            headers.put("accept", "application/json, text/event-stream");
        }
        return new Call(ADMIN, route, variables, Map.of(), headers, null, false);
    }

    private static List<HttpRoute> routes() {
        return LocalRunnerFixture.running().backend().functions().template().routes();
    }

    private static Call call(String caller, String routeKey, Map<String, String> variables, String body) {
        HttpRoute route = routes().stream().filter(r -> r.routeKey().equals(routeKey)).findFirst().orElseThrow();
        Map<String, String> headers = body == null ? Map.of() : Map.of("content-type", "application/json");
        return new Call(caller, route, variables, Map.of(), headers, body, false);
    }

    private static Answer admin(String routeKey, Map<String, String> variables, String body) {
        return send(call(ADMIN, routeKey, variables, body));
    }

    private static JsonNode list(String listId) {
        return ok(admin("GET /lists/{listId}", Map.of("listId", listId), null)).json();
    }

    /** The event API Gateway would send, through the function in process (Lambda's own serializers). */
    private static Answer send(Call call) {
        HttpRoute route = call.route();
        String path = route.path();
        for (Map.Entry<String, String> variable : call.variables().entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0").put("routeKey", route.routeKey()).put("rawPath", path)
                .put("isBase64Encoded", call.base64());
        if (call.body() != null) {
            event.put("body", call.body());
        }
        event.set("headers", JSON.valueToTree(call.headers()));
        if (!call.variables().isEmpty()) {
            event.set("pathParameters", JSON.valueToTree(call.variables()));
        }
        if (!call.query().isEmpty()) {
            event.set("queryStringParameters", JSON.valueToTree(call.query()));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "fuzz-" + UUID.randomUUID()).put("routeKey", route.routeKey());
        context.putObject("http").put("method", route.method()).put("path", path);
        if (route.authorized()) {
            String role = call.caller().equals(VIEWER) ? "viewer" : call.caller().equals(OTHER) ? "editor" : "admin";
            context.putObject("authorizer").putObject("jwt").putObject("claims").put("sub", "sub-" + call.caller())
                    .put("email", call.caller()).put("email_verified", "true").put("cognito:groups", "[" + role + "]");
        }
        try {
            JsonNode response = JSON.readTree(LocalRunnerFixture.running().backend().functions()
                    .invoke(route.functionLogicalId(), JSON.writeValueAsBytes(event)));
            return new Answer(response.path("statusCode").asInt(), response.path("headers").path("content-type")
                    .asText(null), response.path("body").asText(null));
        } catch (Exception e) {
            // The function itself failed (the runtime would answer 502): a fault like a 5xx.
            return new Answer(599, null, "the function failed: " + e);
        }
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 299);
        return answer;
    }

    private static String created(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The sample (or its first element) with one field's value replaced by raw JSON text, invalid on purpose. */
    private static String replace(JsonNode sample, String field, String rawValue) {
        ObjectNode object = (ObjectNode) (sample.isArray() ? sample.get(0) : sample).deepCopy();
        String marker = "@@" + field + "@@";
        object.put(field, marker);
        String text = json(object).replace("\"" + marker + "\"", rawValue);
        return sample.isArray() ? "[" + text + "]" : text;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String unique() {
        return RUN + "-" + SEQUENCE.incrementAndGet();
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
