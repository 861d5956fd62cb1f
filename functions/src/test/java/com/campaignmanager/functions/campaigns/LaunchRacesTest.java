package com.campaignmanager.functions.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.lists.ListsHandler;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.ApiCall.Response;
import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.functions.testing.RoundFixtures;
import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Archiving a campaign and deleting a list while the launcher or an approver holds one of their rounds: the
 * change waits for the round and then decides on what the round has become, so the two never interleave into a
 * sending round of an archived campaign or an approved round without its list. The launcher's claim (or an
 * approval) is played by a second connection that locks the round row as they do and changes its status.
 */
@ExtendWith(LocalDataApiExtension.class)
class LaunchRacesTest {
    private static CampaignsHandler campaigns;
    private static ListsHandler lists;
    private static Database database;
    private static String databaseName;
    private static RoundFixtures fixtures;

    @BeforeAll
    static void setUp() {
        FunctionEnvironment.migrate();
        databaseName = FunctionEnvironment.install();
        campaigns = new CampaignsHandler();
        lists = new ListsHandler();
        database = FunctionDatabase.get();
        fixtures = new RoundFixtures(campaigns, lists);
    }

    private record Fixture(String campaignId, String listId, String roundId) {
    }

    private static Fixture pendingRound() {
        String tag = RoundFixtures.tag();
        String listId = fixtures.list(tag, 1);
        String campaignId = fixtures.campaign(tag);
        String roundId = fixtures.round(campaignId, listId);
        fixtures.submit(roundId, "ed");
        return new Fixture(campaignId, listId, roundId);
    }

    /** Runs {@code change} while another session holds the round locked, then sets its status and commits. */
    private static Response whileRoundIsHeld(String roundId, String newStatus, java.util.function.Supplier<Response> change)
            throws Exception {
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        try (Connection holder = DriverManager.getConnection(dataApi.jdbcUrl(databaseName), dataApi.user(),
                dataApi.password())) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM rounds WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(roundId));
                lock.executeQuery().close();
            }
            CompletableFuture<Response> running = CompletableFuture.supplyAsync(change);
            boolean waited = waitsForTheLock(holder, running);
            try (PreparedStatement claim = holder.prepareStatement("UPDATE rounds SET status = ?, "
                    + "lease_owner = 'race-test', lease_expires_at = now() + interval '2 minutes', "
                    + "approved_by = COALESCE(approved_by, 'ann@example.com'), "
                    + "approved_at = COALESCE(approved_at, now()) WHERE id = ?")) {
                claim.setString(1, newStatus);
                claim.setObject(2, UUID.fromString(roundId));
                claim.executeUpdate();
            }
            holder.commit();
            Response response = running.get(30, TimeUnit.SECONDS);
            assertThat(waited).as("the change waits for the round's lock: " + response).isTrue();
            return response;
        }
    }

    /**
     * True once the change's session is seen waiting for a lock that {@code holder} holds (read from pg_locks, not
     * guessed from a sleep); false when the change finished without waiting.
     */
    private static boolean waitsForTheLock(Connection holder, CompletableFuture<Response> running) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (PreparedStatement blocked = holder.prepareStatement("SELECT count(*) FROM pg_locks w"
                + " WHERE NOT w.granted AND pg_backend_pid() = ANY (pg_blocking_pids(w.pid))")) {
            while (!running.isDone()) {
                try (var rows = blocked.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return true;
                    }
                }
                assertThat(System.nanoTime()).as("the change reaches the round's lock").isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
        return false;
    }

    private static String value(String sql, String id) {
        return database.querySingle(sql, Params.of("id", id), r -> r.string("v"));
    }

    @Test
    void anArchiveThatMeetsALaunchWaitsAndRefuses() throws Exception {
        Fixture round = pendingRound();

        Response archive = whileRoundIsHeld(round.roundId(), "sending", () -> ApiCall.to(campaigns,
                "DELETE /campaigns/{campaignId}", round.campaignId()).as("ed", "editor").send());

        assertThat(archive.status()).as(archive.toString()).isEqualTo(409);
        assertThat(value("SELECT status AS v FROM campaigns WHERE id = :id::uuid", round.campaignId()))
                .isEqualTo("active");
        database.update("UPDATE rounds SET status = 'cancelled' WHERE id = :id::uuid", Params.of("id", round.roundId()));
    }

    @Test
    void aListDeletionThatMeetsAnApprovalWaitsAndRefuses() throws Exception {
        Fixture round = pendingRound();

        Response delete = whileRoundIsHeld(round.roundId(), "scheduled", () -> ApiCall.to(lists,
                "DELETE /lists/{listId}", round.listId()).as("ed", "editor").send());

        assertThat(delete.status()).as(delete.toString()).isEqualTo(409);
        assertThat(value("SELECT count(*)::text AS v FROM round_lists WHERE round_id = :id::uuid", round.roundId()))
                .isEqualTo("1");
    }

    @Test
    void aListUsedByARoundWaitingForApprovalStays() {
        Fixture round = pendingRound();

        Response delete = ApiCall.to(lists, "DELETE /lists/{listId}", round.listId()).as("ed", "editor").send();

        assertThat(delete.status()).as(delete.toString()).isEqualTo(409);
        assertThat(delete.json().get("detail").asText()).contains(round.roundId()).contains("pending_approval");
    }
}
