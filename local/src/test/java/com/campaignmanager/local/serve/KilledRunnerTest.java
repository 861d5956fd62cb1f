package com.campaignmanager.local.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.CampaignLocal;
import com.campaignmanager.local.auth.LocalAuthConfig;
import com.campaignmanager.local.auth.LocalSigningKey;
import com.campaignmanager.local.auth.LocalTokenIssuer;
import com.campaignmanager.local.auth.TokenRequest;
import com.campaignmanager.local.dataapi.ChildJvm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner killed hard in the middle of a send (SIGKILL: no shutdown hook runs, and its PostgreSQL, in a session
 * of its own, keeps running): the next {@code serve} on the same data directory stops that PostgreSQL cleanly and
 * starts, and the round completes from its ledger with every recipient exactly once. Real processes, as a user
 * runs them; this test starts the PostgreSQL of its own data directory, which is what it is about.
 */
class KilledRunnerTest {
    private static final int RECIPIENTS = 20_000;
    private static final String READY = "campaign-manager is ready at ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<ChildJvm> runners = new ArrayList<>();
    private Path dataDir;
    private Path pgdata;

    @BeforeEach
    void dataDirectory() throws IOException {
        dataDir = Files.createTempDirectory("killed-runner");
        pgdata = dataDir.resolve("postgres");
    }

    @AfterEach
    void stopEverythingItStarted() throws Exception {
        for (ChildJvm runner : runners) {
            runner.close();
        }
        ChildJvm.stopPostgres(pgdata);
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private ChildJvm serve() throws IOException {
        // The outbox provider whatever this machine's environment says: nothing leaves it.
        ChildJvm runner = ChildJvm.start(CampaignLocal.class, Map.of("EMAIL_PROVIDER", "outbox"), "serve", "--port",
                "0", "--data-dir", dataDir.toString(), "--template",
                LocalRunnerFixture.REPOSITORY.resolve("template.yaml").toString());
        runners.add(runner);
        return runner;
    }

    private static URI ready(ChildJvm runner) throws InterruptedException {
        String line = runner.awaitLine(l -> l.startsWith(READY), Duration.ofSeconds(180));
        return URI.create(line.substring(READY.length(), line.indexOf(' ', READY.length())));
    }

    private static JsonNode call(URI base, String token, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(URI base, String token, String path, Object body) throws Exception {
        return call(base, token, "POST", path, "application/json", JSON.writeValueAsString(body));
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + ChildJvm.postgresPort(pgdata)
                + "/campaigns", "postgres", "");
    }

    private static long[] numbers(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long[] values = new long[rows.getMetaData().getColumnCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rows.getLong(i + 1);
                }
                return values;
            }
        }
    }

    private static String status(Connection db, UUID roundId) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("SELECT status FROM rounds WHERE id = ?")) {
            statement.setObject(1, roundId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    @Test
    void aRunnerKilledMidSendIsRecoveredByTheNextServeAndEveryRecipientGetsTheRoundOnce() throws Exception {
        ChildJvm first = serve();
        URI base = ready(first);
        LocalTokenIssuer issuer = new LocalTokenIssuer(LocalSigningKey.loadOrCreate(dataDir), LocalAuthConfig.defaults());
        String editor = issuer.issue(new TokenRequest("ed", "ed@example.com", List.of("editor"), Duration.ofHours(1)));
        String approver = issuer.issue(new TokenRequest("ap", "ap@example.com", List.of("approver"),
                Duration.ofHours(1)));

        String listId = post(base, editor, "/lists", Map.of("name", "Everyone")).get("id").asText();
        StringBuilder csv = new StringBuilder("email,first_name\n");
        for (int i = 0; i < RECIPIENTS; i++) {
            csv.append("person").append(i).append("@example.com,P").append(i).append('\n');
        }
        JsonNode imported = call(base, editor, "POST", "/lists/" + listId + "/imports", "text/csv", csv.toString());
        assertThat(imported.get("added").asInt()).isEqualTo(RECIPIENTS);
        String campaignId = post(base, editor, "/campaigns", Map.of("name", "Recovery",
                "fromEmail", "news@example.com")).get("id").asText();
        UUID roundId = UUID.fromString(post(base, editor, "/campaigns/" + campaignId + "/rounds", Map.of(
                "name", "Round", "subject", "Hi {{firstName}}", "htmlBody", "<p>Hello {{firstName}}</p>",
                "textBody", "Hello {{firstName}}, bye: {{unsubscribeUrl}}", "listIds", List.of(listId),
                "scheduledAt", "2031-01-01T09:00:00Z")).get("id").asText());
        call(base, editor, "POST", "/rounds/" + roundId + "/submit", null, null);
        call(base, approver, "POST", "/rounds/" + roundId + "/approve", null, null);
        call(base, approver, "POST", "/rounds/" + roundId + "/send-now", null, null);

        // The launch answers when the round is sent; the runner is killed long before.
        HTTP.sendAsync(HttpRequest.newBuilder(base.resolve("/_local/schedules/LaunchDueRoundsFunction"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        try (Connection db = database()) {
            String sent = "SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FROM deliveries"
                    + " WHERE round_id = ? AND NOT test";
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (numbers(db, sent, roundId)[0] < RECIPIENTS / 4) {
                assertThat(Instant.now()).as("the send began").isBefore(deadline);
                Thread.sleep(20);
            }
            first.kill();

            long[] atKill = numbers(db, sent, roundId);
            assertThat(status(db, roundId)).isEqualTo("sending");
            assertThat(atKill[1]).as("the ledger is written").isEqualTo(RECIPIENTS);
            assertThat(atKill[0]).as("some but not all sent").isBetween(1L, RECIPIENTS - 1L);
        }
        long leftPid = ChildJvm.postmaster(pgdata).orElseThrow(() -> new AssertionError(
                "the killed runner's PostgreSQL should still be running")).pid();

        ChildJvm second = serve();
        URI next = ready(second);
        assertThat(second.output()).contains("recovered: stopped a PostgreSQL left running by an earlier runner (pid "
                + leftPid + ") in " + pgdata.toAbsolutePath());
        try (Connection db = database()) {
            // The dead worker's lease would run out two minutes after its last batch: let that time pass.
            assertThat(numbers(db, "WITH expired AS (UPDATE rounds SET lease_expires_at = now() - interval '1 second'"
                    + " WHERE id = ? AND status = 'sending' RETURNING id) SELECT count(*) FROM expired", roundId)[0])
                    .isEqualTo(1);
        }
        call(next, null, "POST", "/_local/schedules/LaunchDueRoundsFunction", null, null);

        JsonNode round = waitForSent(next, approver, roundId);
        assertThat(round.get("counts").get("recipients").asInt()).isEqualTo(RECIPIENTS);
        assertThat(round.get("counts").get("sent").asInt()).isEqualTo(RECIPIENTS);
        try (Connection db = database()) {
            assertThat(numbers(db, "SELECT count(*), count(DISTINCT email_hash), count(*) FILTER (WHERE status = 'sent')"
                    + " FROM deliveries WHERE round_id = ? AND NOT test", roundId))
                    .containsExactly(RECIPIENTS, RECIPIENTS, RECIPIENTS);
            assertThat(numbers(db, "SELECT count(*), count(DISTINCT to_email), count(DISTINCT custom_id)"
                    + " FROM outbox_messages WHERE campaign_tag = ?", roundId.toString()))
                    .containsExactly(RECIPIENTS, RECIPIENTS, RECIPIENTS);
            assertThat(numbers(db, "SELECT count(*) FILTER (WHERE mailed = 1), count(*) FROM ("
                    + " SELECT c.id, count(o.id) AS mailed FROM list_members m JOIN contacts c ON c.id = m.contact_id"
                    + " LEFT JOIN deliveries d ON d.round_id = ? AND d.email_hash = c.email_hash AND NOT d.test"
                    + " LEFT JOIN outbox_messages o ON o.custom_id = d.id::text"
                    + " WHERE m.list_id = ? GROUP BY c.id) per_contact", roundId, UUID.fromString(listId)))
                    .as("contacts mailed exactly once, of all on the list").containsExactly(RECIPIENTS, RECIPIENTS);
        }
    }

    /** Another launch (the runner's own schedule) may be finishing the round: its state is what counts. */
    private static JsonNode waitForSent(URI base, String token, UUID roundId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JsonNode round = call(base, token, "GET", "/rounds/" + roundId, null, null);
            if (round.get("status").asText().equals("sent") || Instant.now().isAfter(deadline)) {
                assertThat(round.get("status").asText()).isEqualTo("sent");
                return round;
            }
            Thread.sleep(200);
        }
    }
}
