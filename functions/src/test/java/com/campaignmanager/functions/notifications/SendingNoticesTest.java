package com.campaignmanager.functions.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.FunctionDatabase;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.campaigns.Round;
import com.campaignmanager.shared.campaigns.RoundNotices;
import com.campaignmanager.shared.campaigns.RoundStatus;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.notifications.NotificationChannels;
import com.campaignmanager.shared.notifications.Notifications;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the team hears when a sending round is paused, resumed or stopped: everyone who works on rounds in-app
 * (not the one who did it), and the Slack channel for a pause and a stop, with what went out and what is left.
 */
@ExtendWith(LocalDataApiExtension.class)
class SendingNoticesTest {
    private static Database database;
    private static Notifications notifications;

    @BeforeAll
    static void setUp() {
        database = FunctionDatabase.fresh("sending_notices");
        database.update("INSERT INTO team_members (email, name, role) VALUES ('ed@example.com', 'Ed', 'editor'), "
                + "('boss@example.com', 'Boss', 'approver'), ('vi@example.com', 'Vi', 'viewer')", Params.of());
        notifications = new Notifications(JsonMapper.create(), new NotificationChannels(Optional.empty(),
                Optional.of("https://hooks.slack.test/services/T0/B0/x"), "https://campaigns.example.com"));
    }

    private static Round round(RoundStatus status, int version) {
        Instant now = Instant.now();
        return new Round(UUID.randomUUID(), UUID.randomUUID(), "Autumn", new Round.Message("Hi", "", "Hello",
                List.of(), null, null), status, new Round.Counts(250, 100, 0, status == RoundStatus.STOPPED ? 150 : 0),
                new Round.Approval("ed@example.com", now, "boss@example.com", now, 3, null, null),
                new Round.Lifecycle(now, null, null, null, status == RoundStatus.STOPPED ? "boss@example.com" : null,
                        status == RoundStatus.STOPPED ? "the wrong list" : null),
                "ed@example.com", now, now, version, new Round.Audience(null, List.of(), null));
    }

    private static String text(String sql, UUID id) {
        return database.querySingle(sql, Params.of("id", id), r -> r.string("text"));
    }

    @Test
    void aPauseAndAStopAreToldInAppAndOnSlackAResumeInAppOnly() {
        Notifications.Published paused = notifications.publish(database,
                RoundNotices.sendingChanged(round(RoundStatus.PAUSED, 5), "ed@example.com")).orElseThrow();
        Notifications.Published resumed = notifications.publish(database,
                RoundNotices.sendingChanged(round(RoundStatus.SENDING, 6), "boss@example.com")).orElseThrow();
        Round stopped = round(RoundStatus.STOPPED, 7);
        Notifications.Published stop = notifications.publish(database,
                RoundNotices.sendingChanged(stopped, "boss@example.com")).orElseThrow();

        assertThat(paused.toldInApp()).as("the approver, not the editor who paused it").isEqualTo(1);
        assertThat(paused.slackPosts()).isEqualTo(1);
        assertThat(resumed.toldInApp()).isEqualTo(1);
        assertThat(resumed.slackPosts()).isZero();
        assertThat(stop.slackPosts()).isEqualTo(1);
        assertThat(text("SELECT type || ': ' || body AS text FROM notifications WHERE id = :id", stop.id()))
                .isEqualTo("round.stopped: boss@example.com stopped \"Autumn\": the wrong list. Sent 100 of 250; 150 "
                        + "skipped.");
        assertThat(text("SELECT body AS text FROM notifications WHERE id = :id", paused.id()))
                .contains("Sent 100 of 250, 150 left");
    }
}
