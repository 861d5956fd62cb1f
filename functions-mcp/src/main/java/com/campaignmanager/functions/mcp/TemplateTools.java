package com.campaignmanager.functions.mcp;

import static com.campaignmanager.functions.mcp.Schema.bool;
import static com.campaignmanager.functions.mcp.Schema.dateTime;
import static com.campaignmanager.functions.mcp.Schema.integer;
import static com.campaignmanager.functions.mcp.Schema.nullable;
import static com.campaignmanager.functions.mcp.Schema.string;
import static com.campaignmanager.functions.mcp.Schema.uuid;

import com.campaignmanager.shared.campaigns.RoundPreviews;
import com.campaignmanager.shared.campaigns.Templates;
import com.campaignmanager.shared.email.OutgoingMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Templates and the preview of a round, over the same services as the routes ({@link Templates},
 * {@link RoundPreviews}): the layouts rounds may fill, and a round's message for one contact, rendered exactly as
 * the launcher renders it.
 */
final class TemplateTools {
    /** A preview as an assistant reads it: the bodies shortened like get_round's. */
    record PreviewView(UUID roundId, RoundPreviews.PreviewContact contact, OutgoingMessage.Sender from,
                       String subject, String text, String html, boolean bodiesShortened, Map<String, String> headers,
                       UUID templateId, Integer templateVersion) {
    }

    private static final Map<String, Object> TEMPLATE = Schema.output()
            .required("id", uuid("The template's id (a round takes it as templateId)."))
            .required("name", string("Its name."))
            .required("description", string("What it is for."))
            .required("version", integer("Its current version: every edit counts up, and an approval covers one."))
            .required("createdBy", string("Who created it."))
            .required("createdAt", dateTime("When"))
            .required("updatedAt", dateTime("When it last changed"))
            .build();

    private final Templates templates;
    private final RoundPreviews previews;

    @Inject
    TemplateTools(Templates templates, RoundPreviews previews) {
        this.templates = templates;
        this.previews = previews;
    }

    List<Tool> tools() {
        return List.of(
                new Tool("list_templates", "List templates", "The templates a round can use (not archived), oldest"
                        + " first: layouts with a {{content}} slot that a round's bodies fill (create_round or"
                        + " update_round with templateId). Any member may read them.",
                        Schema.input().paged().build(), Schema.page(TEMPLATE), Tool.reads(),
                        (acting, args) -> templates.page(acting, args.page())),
                new Tool("preview_round", "Preview a round for one contact", "Renders a round's subject, text and"
                        + " HTML for one contact exactly as it will be sent: its content in its template's layout,"
                        + " merge fields filled, the contact's unsubscribe link. With contactId, that contact (their"
                        + " data is personal data: needs the role editor, approver or admin); without it the first"
                        + " contact of its lists, or for viewers and rounds without recipients a placeholder contact"
                        + " (contact.sample). Bodies longer than " + RoundTools.BODY_PREVIEW + " characters are"
                        + " shortened (bodiesShortened).",
                        Schema.input().required("roundId", uuid("The round's id."))
                                .optional("contactId", uuid("A contact (from search or recipient_history).")).build(),
                        Schema.output().required("roundId", uuid("The round."))
                                .required("contact", Schema.output()
                                        .required("id", nullable(uuid("The contact (null for the placeholder).")))
                                        .required("email", string("The address it would go to."))
                                        .required("sample", bool("Whether it is the placeholder contact.")).build())
                                .required("from", Schema.output().required("email", string("The sender's address."))
                                        .required("name", nullable(string("The sender's name.")))
                                        .required("replyTo", nullable(string("Where replies go."))).build())
                                .required("subject", string("The subject, merged."))
                                .required("text", string("The text body, merged (empty for none)."))
                                .required("html", string("The HTML body, merged (empty for none)."))
                                .required("bodiesShortened", bool("Whether a body was cut to "
                                        + RoundTools.BODY_PREVIEW + " characters."))
                                .required("headers", Schema.output().build())
                                .required("templateId", nullable(uuid("Its template, if any.")))
                                .required("templateVersion", nullable(integer("The template version it is sent"
                                        + " with."))).build(),
                        Tool.reads(), (acting, args) -> view(previews.preview(acting, args.uuid("roundId"),
                                args.optionalUuid("contactId"), args.gatewayDomain()))));
    }

    private static PreviewView view(RoundPreviews.Preview preview) {
        String text = preview.text() == null ? "" : preview.text();
        String html = preview.html() == null ? "" : preview.html();
        boolean shortened = text.length() > RoundTools.BODY_PREVIEW || html.length() > RoundTools.BODY_PREVIEW;
        return new PreviewView(preview.roundId(), preview.contact(), preview.from(), preview.subject(),
                shorten(text), shorten(html), shortened, preview.headers(), preview.templateId(),
                preview.templateVersion());
    }

    private static String shorten(String body) {
        return body.length() > RoundTools.BODY_PREVIEW ? body.substring(0, RoundTools.BODY_PREVIEW) + "…" : body;
    }
}
