package com.campaignmanager.shared.notifications;

import com.campaignmanager.shared.config.Environment;
import java.net.URI;
import java.util.Optional;

/**
 * Which outbound channels are configured. In-app always is. E-mail needs {@code NOTIFICATIONS_FROM_EMAIL} (the
 * sender of mails to members), Slack {@code SLACK_WEBHOOK_URL}; without them (the local default) notifications
 * are in-app and in the log. {@code APP_URL}, the front end's base for links, and the Slack URL must be absolute
 * http(s) URLs when set.
 */
public record NotificationChannels(Optional<String> emailFrom, Optional<String> slackWebhookUrl, String appUrl) {
    public static final String NOTIFICATIONS_FROM_EMAIL = "NOTIFICATIONS_FROM_EMAIL";
    public static final String SLACK_WEBHOOK_URL = "SLACK_WEBHOOK_URL";
    public static final String APP_URL = "APP_URL";

    public static NotificationChannels from(Environment env) {
        return new NotificationChannels(env.optional(NOTIFICATIONS_FROM_EMAIL),
                env.optionalUrl(SLACK_WEBHOOK_URL).map(URI::toString), env.optionalUrl(APP_URL).map(URI::toString)
                        .orElse(""));
    }
}
