package com.campaignmanager.shared.notifications;

import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes notices: the log row, in-app rows and the outbound deliveries, in one Data API call, in whatever
 * transaction the caller is in (a round approved and its notice commit or roll back together). Outbound
 * deliveries go out later, from {@link NotificationDispatcher}.
 */
@Singleton
public final class Notifications {
    private static final SqlStatements SQL = SqlStatements.load(Notifications.class, "notifications.sql");
    private static final String PUBLISH = SQL.statement("publish");
    private static final String PURGE_OLD_NOTIFICATIONS = SQL.statement("purge-old-notifications");
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    /** What publishing did; empty when the key was seen before. */
    public record Published(java.util.UUID id, long toldInApp, long emails, long slackPosts) {
    }

    private final ObjectMapper json;
    private final NotificationChannels channels;

    @Inject
    public Notifications(ObjectMapper json, NotificationChannels channels) {
        this.json = json;
        this.channels = channels;
    }

    public Optional<Published> publish(SqlExecutor sql, Notice notice) {
        Audience audience = notice.audience();
        Optional<Published> published = sql.queryOptional(PUBLISH, Params.of("dedupKey", notice.dedupKey())
                        .put("type", notice.type().wireName()).put("severity", notice.severity().wireName())
                        .put("title", notice.title()).put("body", notice.body())
                        .put("entityType", notice.entityType()).put("entityId", notice.entityId())
                        .putJson("detail", write(notice.detail()))
                        .putList("roles", List.copyOf(audience.roles()))
                        .putList("memberIds", audience.memberIds().stream().map(Object::toString).toList())
                        .putList("people", List.copyOf(audience.people()))
                        .putList("excluded", List.copyOf(audience.excluded()))
                        .put("emailChannel", channels.emailFrom().isPresent())
                        .put("emailByDefault", notice.type().emailByDefault())
                        .put("slackChannel", channels.slackWebhookUrl().isPresent()
                                && notice.type() != NotificationType.SLACK_DISABLED)
                        .put("slackByDefault", notice.type().slackByDefault()),
                r -> new Published(r.uuid("id"), r.longValue("told_in_app"), r.longValue("emails"),
                        r.longValue("slack_posts")));
        // The log line is the local channel, and the record of what was said when in CloudWatch.
        published.ifPresent(p -> LOG.info("notification {} [{}] {}: {} (in-app {}, e-mails {}, slack {})",
                notice.dedupKey(), notice.severity().wireName(), notice.type().wireName(), notice.title(),
                p.toldInApp(), p.emails(), p.slackPosts()));
        return published;
    }

    /** Forgets notifications older than {@code days} (their deliveries and in-app rows with them). */
    public long purgeOlderThan(SqlExecutor sql, int days) {
        return sql.updateIdempotent(PURGE_OLD_NOTIFICATIONS, Params.of().put("days", days));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notice detail is not serialisable", e);
        }
    }
}
