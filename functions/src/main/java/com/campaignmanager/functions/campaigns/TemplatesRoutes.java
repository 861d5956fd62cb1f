package com.campaignmanager.functions.campaigns;

import static com.campaignmanager.functions.campaigns.CampaignsRoutes.acting;

import com.campaignmanager.shared.campaigns.RoundPreviews;
import com.campaignmanager.shared.campaigns.Template;
import com.campaignmanager.shared.campaigns.Templates;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Templates over HTTP ({@link Templates}: layouts with a {@code {{content}}} slot, versioned, archived by DELETE)
 * and the preview of a round for one contact ({@link RoundPreviews}), rendered as the launcher sends it.
 */
final class TemplatesRoutes {
    private final Templates templates;
    private final RoundPreviews previews;

    @Inject
    TemplatesRoutes(Templates templates, RoundPreviews previews) {
        this.templates = templates;
        this.previews = previews;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST /templates", this::create)
                .add("GET /templates", this::page)
                .add("GET /templates/{templateId}", this::get)
                .add("PATCH /templates/{templateId}", this::update)
                .add("DELETE /templates/{templateId}", this::archive)
                .add("GET /rounds/{roundId}/preview", this::preview);
    }

    private ApiResponse create(ApiRequest request) {
        Template created = templates.create(acting(request), request.body(Templates.TemplateFields.class));
        return ApiResponse.created(created, "/templates/" + created.id()).withVersion(created.version());
    }

    private ApiResponse page(ApiRequest request) {
        return ApiResponse.ok(PageResponse.of(templates.page(acting(request), request.page())));
    }

    /** {@code ?version=N}: that version's layout (what a round was approved with); the current one without. */
    private ApiResponse get(ApiRequest request) {
        UUID templateId = request.pathUuid("templateId");
        Optional<Integer> version = request.query("version").isEmpty() ? Optional.empty()
                : Optional.of(request.queryInt("version", 1, 1, Integer.MAX_VALUE));
        Template template = templates.get(acting(request), templateId, version);
        return ApiResponse.ok(template).withVersion(template.version());
    }

    /** {@code If-Match} (the ETag of GET) makes an edit of a template changed since a 412. */
    private ApiResponse update(ApiRequest request) {
        UUID templateId = request.pathUuid("templateId");
        Templates.TemplateFields fields = request.body(Templates.TemplateFields.class);
        Template updated = templates.update(acting(request), templateId, fields,
                request.seenVersion(null));
        return ApiResponse.ok(updated).withVersion(updated.version());
    }

    private ApiResponse archive(ApiRequest request) {
        templates.archive(acting(request), request.pathUuid("templateId"));
        return ApiResponse.noContent();
    }

    /** {@code ?contactId=}: that contact (editors, approvers, admins); without it a sample contact. */
    private ApiResponse preview(ApiRequest request) {
        UUID roundId = request.pathUuid("roundId");
        Optional<UUID> contactId = request.queryUuid("contactId");
        return ApiResponse.ok(previews.preview(acting(request), roundId, contactId, request.gatewayDomain()));
    }
}
