package com.campaignmanager.shared.audience.mailjet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.audience.ProviderEvent;
import com.campaignmanager.shared.audience.SuppressionReason;
import com.campaignmanager.shared.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailjetEventsTest {
    private static final ObjectMapper JSON = JsonMapper.create();
    private static final Instant RECEIVED = Instant.parse("2026-11-27T09:00:00Z");

    private static MailjetEvent one(String json) {
        return MailjetEvents.parse(json, JSON).get(0);
    }

    @Test
    void readsAnObjectOrAnArrayAndRefusesTheWholeBatchForOneBadElement() {
        assertThat(MailjetEvents.parse("{\"event\":\"open\",\"time\":1}", JSON)).hasSize(1);
        assertThat(MailjetEvents.parse("[{\"event\":\"open\"},{\"event\":\"click\"}]", JSON)).hasSize(2);
        assertThat(MailjetEvents.parse("[]", JSON)).isEmpty();

        for (String bad : List.of("", "  ", "[{\"event\":", "[{}, null]", "[{}, 1]", "42", "\"x\"", "{} {}")) {
            assertThatThrownBy(() -> MailjetEvents.parse(bad, JSON)).as(bad)
                    .isInstanceOf(MailjetEvents.MalformedEventsException.class);
        }
    }

    @Test
    void bodiesBeyondTheParsersLimitsOrWithTextTheDatabaseCannotKeepAreRefusedSayingWhy() {
        assertThatThrownBy(() -> MailjetEvents.parse("[".repeat(1_001) + "]".repeat(1_001), JSON))
                .isInstanceOf(MailjetEvents.MalformedEventsException.class)
                .hasMessage("the body nests deeper than 1000 levels");
        assertThatThrownBy(() -> MailjetEvents.parse("[{\"time\":" + "1".repeat(1_001) + "}]", JSON))
                .hasMessage("a number in the body is longer than 1000 characters");
        assertThatThrownBy(() -> MailjetEvents.parse("[{\"event\":\"open\",\"email\":\"a\\u0000@b.c\"}]", JSON))
                .hasMessage("[0].email contains a NUL character");
    }

    @Test
    void mapsEachEventTypeToWhatItAsksOfTheSuppressionList() {
        assertThat(one("{\"event\":\"bounce\",\"hard_bounce\":true}").suppression())
                .isEqualTo(SuppressionReason.HARD_BOUNCE);
        assertThat(one("{\"event\":\"bounce\",\"hard_bounce\":false}").suppression()).isNull();
        assertThat(one("{\"event\":\"bounce\",\"hard_bounce\":false}").isSoftBounce()).isTrue();
        assertThat(one("{\"event\":\"bounce\",\"hard_bounce\":true}").isSoftBounce()).isFalse();
        assertThat(one("{\"event\":\"blocked\",\"error_related_to\":\"recipient\",\"error\":\"user unknown\"}")
                .suppression()).isEqualTo(SuppressionReason.BLOCKED);
        assertThat(one("{\"event\":\"blocked\",\"error_related_to\":\"mailjet\",\"error\":\"duplicate in campaign\"}")
                .suppression()).isNull();
        assertThat(one("{\"event\":\"spam\",\"source\":\"JMRPP\"}").suppression())
                .isEqualTo(SuppressionReason.SPAM_COMPLAINT);
        assertThat(one("{\"event\":\"unsub\"}").suppression()).isEqualTo(SuppressionReason.UNSUBSCRIBED);
        for (String type : List.of("sent", "open", "click", "forward")) {
            MailjetEvent event = one("{\"event\":\"" + type + "\"}");
            assertThat(event.suppression()).as(type).isNull();
            assertThat(event.isSoftBounce()).as(type).isFalse();
        }
        assertThat(one("{\"time\":1}").type()).isEqualTo("unknown");
    }

    @Test
    void theKeyIsStableForAResentEventAndDiffersForAnotherOne() {
        String event = "{\"event\":\"click\",\"time\":1433334653,\"MessageID\":19421777835146490,"
                + "\"email\":\"Ann@Example.com\",\"url\":\"https://example.com/a\",\"ip\":\"1.2.3.4\"}";
        String resent = "{\"ip\":\"5.6.7.8\",\"url\":\"https://example.com/a\",\"email\":\"ann@example.COM\","
                + "\"MessageID\":\"19421777835146490\",\"time\":1433334653,\"event\":\"click\"}";
        String otherLink = event.replace("/a", "/b");
        String otherTime = event.replace("1433334653", "1433334654");

        assertThat(one(event).idempotencyKey()).isEqualTo(one(resent).idempotencyKey()).matches("[0-9a-f]{64}");
        assertThat(one(otherLink).idempotencyKey()).isNotEqualTo(one(event).idempotencyKey());
        assertThat(one(otherTime).idempotencyKey()).isNotEqualTo(one(event).idempotencyKey());
        assertThat(one(event.replace("click", "open")).idempotencyKey()).isNotEqualTo(one(event).idempotencyKey());
    }

    @Test
    void becomesTheStoredEventWithANormalisedAddressAndItsTime() {
        ProviderEvent stored = one("{\"event\":\"bounce\",\"time\":1433334653,\"MessageID\":19421777835146490,"
                + "\"email\":\" Ann@Example.COM \",\"CustomID\":\"delivery-1\",\"hard_bounce\":true}")
                .toProviderEvent(RECEIVED);

        assertThat(stored.provider()).isEqualTo("mailjet");
        assertThat(stored.eventType()).isEqualTo("bounce");
        assertThat(stored.email().value()).isEqualTo("Ann@example.com");
        assertThat(stored.messageId()).isEqualTo("19421777835146490");
        assertThat(stored.customId()).isEqualTo("delivery-1");
        assertThat(stored.occurredAt()).isEqualTo(Instant.ofEpochSecond(1433334653));
        assertThat(stored.suppression()).isEqualTo(SuppressionReason.HARD_BOUNCE);
        assertThat(stored.payloadJson()).contains("\"CustomID\":\"delivery-1\"");
    }

    @Test
    void oddFieldsAreToleratedNotRefused() {
        ProviderEvent stored = one("{\"event\":\"SPAM\",\"time\":\"not a time\",\"email\":\"not an address\","
                + "\"MessageID\":{\"nested\":true}}").toProviderEvent(RECEIVED);

        assertThat(stored.eventType()).isEqualTo("spam");
        assertThat(stored.occurredAt()).isEqualTo(RECEIVED);
        assertThat(stored.email()).isNull();
        assertThat(stored.messageId()).isNull();
        assertThat(one("{\"time\":99999999999999}").toProviderEvent(RECEIVED).occurredAt()).isEqualTo(RECEIVED);
    }
}
