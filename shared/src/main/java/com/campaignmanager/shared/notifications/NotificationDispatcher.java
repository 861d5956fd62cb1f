package com.campaignmanager.shared.notifications;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.email.EmailProvider;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.SendResult;
import com.campaignmanager.shared.http.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbound deliveries that are due: e-mails to members through the email provider, posts to the Slack
 * webhook. Each is claimed with a lease, so overlapping runs never both send it; each result is recorded (all of
 * a run's results in one call). Failures are retried with backoff up to {@link #MAX_ATTEMPTS}; a Slack 429 waits
 * the time Slack asks for and does not count against them; a revoked webhook switches the Slack channel off and
 * tells the admins in-app.
 */
@Singleton
public final class NotificationDispatcher {
    private static final SqlStatements SQL = SqlStatements.load(NotificationDispatcher.class, "deliveries.sql");
    private static final String CLAIM_DUE_DELIVERIES = SQL.statement("claim-due-deliveries");
    private static final String RECORD_DELIVERY = SQL.statement("record-delivery");
    private static final String DISABLE_CHANNEL = SQL.statement("disable-channel");
    private static final String DISABLE_PENDING_DELIVERIES = SQL.statement("disable-pending-deliveries");
    static final int MAX_ATTEMPTS = 6;
    private static final int LEASE_SECONDS = 120;
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

    /** What one run did. */
    public record Report(int sent, int retrying, int failed, int disabled) {
    }

    private record Due(UUID id, String channel, String recipient, String mentions, int attempts, String type,
                       String severity, String title, String body, String entityType, String entityId) {
    }

    /** {@code refund}: the attempt does not count (Slack asked us to wait). */
    private record Outcome(UUID id, OutboundStatus status, String error, long retryInSeconds, boolean refund) {
        Outcome(UUID id, OutboundStatus status, String error, long retryInSeconds) {
            this(id, status, error, retryInSeconds, false);
        }
    }

    private final Database database;
    private final Notifications notifications;
    private final NotificationChannels channels;
    private final EmailProvider email;
    private final Optional<SlackWebhook> slack;

    @Inject
    public NotificationDispatcher(Database database, Notifications notifications, NotificationChannels channels,
                                  EmailProvider email, ObjectMapper json) {
        this.database = database;
        this.notifications = notifications;
        this.channels = channels;
        this.email = email;
        this.slack = channels.slackWebhookUrl().map(url -> new SlackWebhook(url, json));
    }

    public Report deliverDue() {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int disabled = 0;
        List<Due> due = database.query(CLAIM_DUE_DELIVERIES,
                Params.of().put("leaseSeconds", LEASE_SECONDS).put("limit", BATCH),
                r -> new Due(r.uuid("id"), r.string("channel"), r.string("recipient"), r.string("mentions"),
                        r.intValue("attempts"), r.string("type"), r.string("severity"), r.string("title"),
                        r.string("body"), r.string("entity_type"), r.string("entity_id")));
        List<Outcome> outcomes = new ArrayList<>();
        boolean slackGone = false;
        Outcome slackWait = null;
        for (Due delivery : due) {
            boolean toSlack = delivery.channel().equals("slack");
            Outcome outcome;
            if (toSlack && slackGone) {
                outcome = new Outcome(delivery.id(), OutboundStatus.DISABLED, "the Slack webhook is disabled", 0);
            } else if (toSlack && slackWait != null) {
                // Slack asked us to wait: the rest of this run's posts wait as long, without being tried.
                outcome = new Outcome(delivery.id(), OutboundStatus.PENDING, slackWait.error(), slackWait.retryInSeconds(), true);
            } else {
                outcome = deliver(delivery);
            }
            if (toSlack && outcome.refund() && slackWait == null) {
                slackWait = outcome;
            }
            if (outcome.status() == OutboundStatus.DISABLED && toSlack && !slackGone) {
                slackGone = true;
                disableSlack(outcome.error());
            }
            outcomes.add(outcome);
            switch (outcome.status()) {
                case SENT -> sent++;
                case PENDING -> retrying++;
                case FAILED -> failed++;
                default -> disabled++;
            }
        }
        if (!outcomes.isEmpty()) {
            database.batch(RECORD_DELIVERY, outcomes.stream()
                    .map(o -> Params.of("deliveryId", o.id()).put("status", o.status()).put("lastError", o.error())
                            .put("retryInSeconds", o.retryInSeconds()).put("refund", o.refund() ? 1 : 0))
                    .toList());
        }
        return new Report(sent, retrying, failed, disabled);
    }

    private Outcome deliver(Due delivery) {
        return switch (delivery.channel()) {
            case "email" -> deliverEmail(delivery);
            case "slack" -> deliverSlack(delivery);
            default -> new Outcome(delivery.id(), OutboundStatus.FAILED, "unknown channel " + delivery.channel(), 0);
        };
    }

    private Outcome deliverEmail(Due delivery) {
        if (channels.emailFrom().isEmpty()) {
            // A configuration gap in this function, not a channel that is gone: say so, and switch nothing off.
            return new Outcome(delivery.id(), OutboundStatus.FAILED, "NOTIFICATIONS_FROM_EMAIL is not configured", 0);
        }
        // No campaign tag: Mailjet would deduplicate a campaign per address, and a member gets many notices.
        OutgoingMessage message = new OutgoingMessage("notification:" + delivery.id(),
                new OutgoingMessage.Sender(channels.emailFrom().get(), "Campaign manager", null),
                new OutgoingMessage.Addressee(delivery.recipient(), null),
                new OutgoingMessage.Content(delivery.title(), null, text(delivery)), null, Map.of(), false);
        SendResult result = email.send(List.of(message)).get(0);
        return switch (result.outcome()) {
            case SENT -> new Outcome(delivery.id(), OutboundStatus.SENT, null, 0);
            case REJECTED -> new Outcome(delivery.id(), OutboundStatus.FAILED, result.error(), 0);
            case RETRYABLE -> retryOrFail(delivery, result.error());
        };
    }

    private Outcome deliverSlack(Due delivery) {
        if (slack.isEmpty()) {
            return new Outcome(delivery.id(), OutboundStatus.FAILED, "SLACK_WEBHOOK_URL is not configured", 0);
        }
        SlackWebhook.Answer answer = slack.get().post(slackText(delivery));
        if (answer instanceof SlackWebhook.Delivered) {
            return new Outcome(delivery.id(), OutboundStatus.SENT, null, 0);
        }
        if (answer instanceof SlackWebhook.RetryAfter wait) {
            // Slack asked us to slow down: not the message's fault, so the attempt is not counted.
            return new Outcome(delivery.id(), OutboundStatus.PENDING, wait.error(), wait.seconds(), true);
        }
        if (answer instanceof SlackWebhook.Gone gone) {
            return new Outcome(delivery.id(), OutboundStatus.DISABLED, gone.error(), 0);
        }
        return retryOrFail(delivery, ((SlackWebhook.Failed) answer).error());
    }

    private static Outcome retryOrFail(Due delivery, String error) {
        if (delivery.attempts() >= MAX_ATTEMPTS) {
            return new Outcome(delivery.id(), OutboundStatus.FAILED, error, 0);
        }
        // 1, 2, 4, 8, 16 minutes.
        return new Outcome(delivery.id(), OutboundStatus.PENDING, error, 60L << (delivery.attempts() - 1));
    }

    /** Slack is switched off until an admin re-enables it; what was waiting for it is marked, and admins told. */
    private void disableSlack(String reason) {
        LOG.warn("Slack webhook disabled: {}", reason);
        database.inTransaction(tx -> {
            boolean switchedOff = tx.queryOptional(DISABLE_CHANNEL,
                    Params.of("channel", "slack").put("reason", reason), r -> r.string("channel")).isPresent();
            tx.update(DISABLE_PENDING_DELIVERIES,
                    Params.of("channel", "slack").put("reason", "the Slack webhook is disabled: " + reason));
            if (switchedOff) {
                notifications.publish(tx, new Notice(NotificationType.SLACK_DISABLED,
                        "channel:slack:disabled:" + UUID.randomUUID(), Notice.Severity.CRITICAL,
                        "Slack notifications are off: the webhook was refused",
                        reason + ". Set a new SLACK_WEBHOOK_URL and re-enable the channel "
                                + "(POST /notifications/channels/slack/enable).",
                        "channel", "slack", Map.of("reason", reason), Audience.roles(Role.ADMIN)));
            }
            return null;
        });
    }

    private String text(Due delivery) {
        String link = link(delivery);
        return delivery.title() + "\n\n" + delivery.body() + (link.isEmpty() ? "" : "\n\n" + link);
    }

    private String slackText(Due delivery) {
        String icon = switch (delivery.severity()) {
            case "critical" -> ":rotating_light: ";
            case "warning" -> ":warning: ";
            default -> "";
        };
        String mentions = delivery.mentions() == null ? "" : delivery.mentions() + " ";
        String link = link(delivery);
        return mentions + icon + "*" + escape(delivery.title()) + "*"
                + (delivery.body().isEmpty() ? "" : "\n" + escape(delivery.body()))
                + (link.isEmpty() ? "" : "\n<" + link + ">");
    }

    private String link(Due delivery) {
        if (channels.appUrl().isEmpty() || delivery.entityType() == null || delivery.entityId() == null) {
            return "";
        }
        return channels.appUrl() + "/" + delivery.entityType() + "s/" + delivery.entityId();
    }

    /** Slack's mrkdwn treats &, < and > as control characters. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
