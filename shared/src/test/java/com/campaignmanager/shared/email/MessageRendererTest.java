package com.campaignmanager.shared.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRendererTest {
    private static final String UNSUBSCRIBE = "https://example.org/u?t=a&b=c";

    private static Recipient ada() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("company", "Smith & <Sons>");
        attributes.put("plan", Map.of("name", "Gold"));
        attributes.put("seats", 3);
        attributes.put("empty", null);
        return new Recipient("ada@example.org", "Ada \"A\"", "O'Brien", attributes);
    }

    @Test
    void escapesValuesInTheHtmlBodyOnly() {
        MessageRenderer.Rendered rendered = MessageRenderer.render("Hi {{firstName}} of {{attributes.company}}",
                "<p>Hi {{firstName}} {{lastName}} of {{attributes.company}}</p><a href=\"{{unsubscribeUrl}}\">x</a>",
                "Hi {{firstName}} {{lastName}} of {{attributes.company}}\n{{unsubscribeUrl}}", ada(), UNSUBSCRIBE);

        assertThat(rendered.html()).isEqualTo("<p>Hi Ada &quot;A&quot; O&#39;Brien of Smith &amp; &lt;Sons&gt;</p>"
                + "<a href=\"https://example.org/u?t=a&amp;b=c\">x</a>");
        assertThat(rendered.text()).isEqualTo("Hi Ada \"A\" O'Brien of Smith & <Sons>\n" + UNSUBSCRIBE);
        assertThat(rendered.subject()).isEqualTo("Hi Ada \"A\" of Smith & <Sons>");
    }

    @Test
    void readsNestedAndNonTextAttributesAndRendersMissingValuesEmpty() {
        String text = MessageRenderer.text("{{ attributes.plan.name }}/{{attributes.seats}}/{{attributes.empty}}/"
                + "{{attributes.absent}}/{{attributes.seats.deeper}}", ada(), null);
        assertThat(text).isEqualTo("Gold/3///");

        Recipient bare = new Recipient("b@example.org", null, null, null);
        assertThat(MessageRenderer.html("Hello {{firstName}}{{lastName}}, {{email}} {{unsubscribeUrl}}", bare, null))
                .isEqualTo("Hello , b@example.org ");
    }

    @Test
    void stripsLineBreaksFromTheSubjectSoNoHeaderCanBeInjected() {
        Recipient attacker = new Recipient("x@example.org", "Eve\r\nBcc: all@example.org", null,
                Map.of("note", "a\nb\u2028c"));
        String subject = MessageRenderer.subject("News for {{firstName}} {{attributes.note}}\n", attacker, null);
        assertThat(subject).isEqualTo("News for Eve Bcc: all@example.org a b c").doesNotContain("\r", "\n");
    }

    @Test
    void reportsUnknownFieldsOnceInOrder() {
        String template = "{{firstName}} {{fistName}} {{ attributes.city }} {{attributes.}} {{unsubscribeUrl}}"
                + " {{ company }} {{fistName}} {{}} {{email}}";
        assertThat(MessageRenderer.unresolved(template)).containsExactly("fistName", "attributes.", "company", "");
        assertThat(MessageRenderer.unresolved("no fields at all")).isEmpty();
        assertThat(MessageRenderer.unresolved(null)).isEmpty();
    }

    @Test
    void unknownFieldsDoNotLeakIntoTheMessage() {
        assertThat(MessageRenderer.text("Hi {{fistName}}!", ada(), null)).isEqualTo("Hi !");
    }

    @Test
    void replacementTextIsTakenLiterally() {
        Recipient dollar = new Recipient("d@example.org", "$1 \\ {{lastName}}", "Never", null);
        assertThat(MessageRenderer.text("{{firstName}}", dollar, null)).isEqualTo("$1 \\ {{lastName}}");
    }
}
