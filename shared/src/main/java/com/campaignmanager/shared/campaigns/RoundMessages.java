package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.UnsubscribeLinks;
import com.campaignmanager.shared.audience.UnsubscribeTokens;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.email.MessageRenderer;
import com.campaignmanager.shared.email.OutgoingMessage;
import com.campaignmanager.shared.email.Recipient;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * How a round's message is made, in one place for the launcher, test sends, the preflight and the preview: the
 * round's content, put in its template's {@code {{content}}} slot when it names one, then merged for one recipient
 * with their unsubscribe link. The layout is the template version the round's approval covered, or, while no
 * approval stands, the template's current version (the one an approval would cover).
 *
 * <p>A body with no content is left out (no HTML part, or no text part) whatever the layout; a template without a
 * text layout leaves the text content as it is. The slot is filled before the merge fields, so that the content's
 * merge fields are filled too, and the content (authored like the layout) is not escaped.
 */
@Singleton
public final class RoundMessages {
    private static final SqlStatements SQL = SqlStatements.load(RoundMessages.class, "round_messages.sql");
    private static final String FIND_ROUND_MESSAGE = SQL.statement("find-round-message");
    /**
     * The most a round's subject, content and layouts may take together: the launcher reads them in one row, and
     * the Data API answers no row over 64 KB.
     */
    public static final int MAX_MESSAGE_BYTES = 60 * 1024;
    /** The slot, spaced or not, as the renderer reads a merge field. */
    static final Pattern SLOT = Pattern.compile("\\{\\{\\s*content\\s*\\}\\}");

    /** The layout a round is sent with: a version of its template; {@code text} is null without a text layout. */
    public record Layout(UUID templateId, String templateName, int version, String html, String text,
                         boolean archived) {
    }

    /**
     * A round's message before it is rendered for anyone: its content and, when it names a template, the layout
     * ({@code layout} null without one). {@code templateId} is set when the round names a template, even one whose
     * layout could not be found (then the preflight fails).
     */
    public record Source(String subject, String htmlBody, String textBody, UUID templateId, Layout layout) {
        public static Source of(String subject, String htmlBody, String textBody, UUID templateId, Integer version,
                                String htmlLayout, String textLayout) {
            Layout layout = templateId == null || version == null || htmlLayout == null ? null
                    : new Layout(templateId, null, version, htmlLayout, textLayout, false);
            return new Source(subject, htmlBody, textBody, templateId, layout);
        }

        /** What the launcher reads of it in one row: subject, content and layouts, in UTF-8 bytes. */
        public long storedBytes() {
            return bytes(subject) + bytes(htmlBody) + bytes(textBody)
                    + (layout == null ? 0 : bytes(layout.html()) + bytes(layout.text()));
        }

        private static long bytes(String text) {
            return text == null ? 0 : text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }

        /** The HTML with the content in the layout, merge fields not yet filled: what the preflight checks. */
        public String html() {
            return layout == null ? htmlBody : fill(layout.html(), htmlBody);
        }

        /** The text with the content in the text layout (if any), merge fields not yet filled. */
        public String text() {
            return layout == null || layout.text() == null ? textBody : fill(layout.text(), textBody);
        }
    }

    @Inject
    public RoundMessages() {
    }

    /** The message the round sends now (its content and the layout it would be sent with), or null without round. */
    public Source source(SqlExecutor sql, UUID roundId) {
        return sql.queryOptional(FIND_ROUND_MESSAGE, Params.of("roundId", roundId), r -> {
            UUID templateId = r.uuid("template_id");
            Layout layout = templateId == null || r.isNull("template_version") ? null
                    : new Layout(templateId, r.string("template_name"), r.intValue("template_version"),
                            r.string("html_layout"), r.string("text_layout"), !r.isNull("archived_at"));
            return new Source(r.string("subject"), r.string("html_body"), r.string("text_body"), templateId, layout);
        }).orElse(null);
    }

    /** How many slots a layout has (a template must have exactly one). */
    public static int slots(String layout) {
        Matcher matcher = SLOT.matcher(layout);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** The content in the layout's slot; no content, no part. */
    static String fill(String layout, String content) {
        if (content == null || content.isBlank()) {
            return "";
        }
        Matcher matcher = SLOT.matcher(layout);
        if (!matcher.find()) {
            return layout;
        }
        return layout.substring(0, matcher.start()) + content + layout.substring(matcher.end());
    }

    /**
     * The message of round {@code roundId} for one recipient, ready for the provider: rendered, with the
     * recipient's unsubscribe link (in the body's {@code {{unsubscribeUrl}}} and the List-Unsubscribe headers).
     * {@code linkContact}: whom the link unsubscribes (the contact, or a test delivery that is none);
     * {@code test}: a test send, its subject marked.
     */
    public static OutgoingMessage message(UnsubscribeTokens tokens, String linkBase, UUID roundId, String deliveryId,
                                          Source source, OutgoingMessage.Sender from, String toEmail,
                                          Recipient recipient, UUID linkContact, boolean test) {
        String unsubscribeUrl = UnsubscribeLinks.url(linkBase, tokens.create(linkContact, roundId));
        MessageRenderer.Rendered rendered = MessageRenderer.render(
                test ? "[TEST] " + source.subject() : source.subject(), source.html(), source.text(), recipient,
                unsubscribeUrl);
        return new OutgoingMessage(deliveryId, from, new OutgoingMessage.Addressee(toEmail, null),
                new OutgoingMessage.Content(rendered.subject(), rendered.html(), rendered.text()), roundId.toString(),
                UnsubscribeLinks.headers(linkBase, tokens, linkContact, roundId), test);
    }
}
