package com.campaignmanager.shared.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.shared.audience.UnsubscribeTokens;
import com.campaignmanager.shared.email.MessageRenderer;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.Recipient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one way a round's message is made: content in the layout's slot, then merge fields, with the link. */
class RoundMessagesTest {
    private static final UUID TEMPLATE = UUID.randomUUID();
    private static final Recipient ANN = new Recipient("ann@example.com", "<Ann>", null, Map.of("plan", "pro"));

    private static RoundMessages.Source source(String html, String text, String htmlLayout, String textLayout) {
        return RoundMessages.Source.of("Hi {{firstName}}", html, text, htmlLayout == null ? null : TEMPLATE,
                htmlLayout == null ? null : 3, htmlLayout, textLayout);
    }

    @Test
    void theContentFillsTheSlotBeforeTheMergeFieldsSoBothAreMergedAndOnlyValuesEscaped() {
        RoundMessages.Source source = source("<p>Hello {{firstName}}</p>", "Hello {{firstName}}",
                "<main>{{ content }}</main><footer>{{email}}</footer>", "{{content}}\n-- {{unsubscribeUrl}}");

        OutgoingMessage message = RoundMessages.message(new UnsubscribeTokens("a-signing-key-of-at-least-32-characters"), "https://api.example.com",
                UUID.randomUUID(), "d1", source, new OutgoingMessage.Sender("news@example.com", "News", null),
                ANN.email(), ANN, UUID.randomUUID(), false);

        assertThat(message.content().html()).isEqualTo("<main><p>Hello &lt;Ann&gt;</p></main>"
                + "<footer>ann@example.com</footer>");
        assertThat(message.content().text()).startsWith("Hello <Ann>\n-- https://api.example.com/unsubscribe?token=");
        assertThat(message.content().subject()).isEqualTo("Hi <Ann>");
        assertThat(message.headers()).containsKey("List-Unsubscribe");
    }

    @Test
    void anEmptyPartStaysEmptyAndTextWithoutATextLayoutIsSentAsItIs() {
        RoundMessages.Source source = source("", "Plain {{firstName}}", "<main>{{content}}</main>", null);

        assertThat(source.html()).isEmpty();
        assertThat(source.text()).isEqualTo("Plain {{firstName}}");
        assertThat(source(" ", "", null, null).html()).isEqualTo(" ");
    }

    @Test
    void aSlotInTheContentIsAnUnknownMergeFieldAndSlotsAreCounted() {
        RoundMessages.Source source = source("{{content}}", "", "<main>{{content}}</main>", null);

        assertThat(MessageRenderer.unresolved(source.html())).containsExactly("content");
        assertThat(RoundMessages.slots("{{content}} {{ content }} {{contents}}")).isEqualTo(2);
        assertThat(RoundMessages.slots("<p>none</p>")).isZero();
    }
}
