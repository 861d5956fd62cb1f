package com.campaignmanager.shared.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each Slack answer means for a delivery (the HTTP exchange itself is tested against WireMock). */
class SlackWebhookTest {

    @Test
    void okIsDelivered() {
        assertThat(SlackWebhook.interpret(200, null, "ok")).isInstanceOf(SlackWebhook.Delivered.class);
    }

    @Test
    void rateLimitsWaitWhatSlackAsksBoundedAndDefaulted() {
        assertThat(SlackWebhook.interpret(429, "12", "")).isEqualTo(new SlackWebhook.RetryAfter(12, "429 rate limited by Slack"));
        assertThat(((SlackWebhook.RetryAfter) SlackWebhook.interpret(429, null, "")).seconds()).isEqualTo(30);
        assertThat(((SlackWebhook.RetryAfter) SlackWebhook.interpret(429, "soon", "")).seconds()).isEqualTo(30);
        assertThat(((SlackWebhook.RetryAfter) SlackWebhook.interpret(429, "999999", "")).seconds()).isEqualTo(3600);
    }

    @Test
    void aRevokedWebhookOrAGoneChannelIsGone() {
        assertThat(SlackWebhook.interpret(404, null, "no_team")).isInstanceOf(SlackWebhook.Gone.class);
        assertThat(SlackWebhook.interpret(410, null, "")).isInstanceOf(SlackWebhook.Gone.class);
        assertThat(SlackWebhook.interpret(403, null, "no_service")).isInstanceOf(SlackWebhook.Gone.class);
        assertThat(SlackWebhook.interpret(404, null, "channel_is_archived")).isInstanceOf(SlackWebhook.Gone.class);
    }

    @Test
    void anythingElseIsRetried() {
        assertThat(SlackWebhook.interpret(500, null, "oops")).isEqualTo(new SlackWebhook.Failed("500 oops"));
        assertThat(SlackWebhook.interpret(400, null, "invalid_payload")).isInstanceOf(SlackWebhook.Failed.class);
    }

    @Test
    void slackControlCharactersAreEscaped() {
        assertThat(NotificationDispatcher.escape("<@U1> & <!channel>")).isEqualTo("&lt;@U1&gt; &amp; &lt;!channel&gt;");
    }
}
