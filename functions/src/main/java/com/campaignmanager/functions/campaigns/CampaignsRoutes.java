package com.campaignmanager.functions.campaigns;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.campaigns.Campaign;
import com.campaignmanager.shared.campaigns.CampaignRepository;
import com.campaignmanager.shared.campaigns.RoundWorkflow;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.http.Routes;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;

/** {@code /campaigns}: create, read, edit, archive. Every change is audited in its own transaction. */
final class CampaignsRoutes {
    /** Create and full-field edit share the rules; on PATCH an absent field keeps its value. */
    record CampaignFields(String name, String description, String fromEmail, String fromName, String replyTo,
                          String timezone) {
        CampaignFields {
            if (name != null && (name.isBlank() || name.strip().length() > 200)) {
                throw new InvalidFieldException("name", "must be 1 to 200 characters");
            }
            fromEmail = address("fromEmail", fromEmail);
            replyTo = address("replyTo", replyTo);
            if (timezone != null) {
                try {
                    timezone = ZoneId.of(timezone).getId();
                } catch (DateTimeException e) {
                    throw new InvalidFieldException("timezone", "is not an IANA time zone such as Europe/Paris");
                }
            }
            name = name == null ? null : name.strip();
        }

        private static String address(String field, String value) {
            if (value == null) {
                return null;
            }
            try {
                return EmailAddress.parse(value).value();
            } catch (EmailAddress.InvalidEmailException e) {
                throw new InvalidFieldException(field, e.getMessage());
            }
        }
    }

    private final Database database;
    private final CampaignRepository campaigns;
    private final AuditTrail audit;
    private final RoundWorkflow workflow;

    @Inject
    CampaignsRoutes(Database database, CampaignRepository campaigns, AuditTrail audit, RoundWorkflow workflow) {
        this.workflow = workflow;
        this.database = database;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    void addTo(Routes.Builder routes) {
        routes.add("POST /campaigns", this::create)
                .add("GET /campaigns", this::page)
                .add("GET /campaigns/{campaignId}", this::get)
                .add("PATCH /campaigns/{campaignId}", this::update)
                .add("DELETE /campaigns/{campaignId}", this::archive);
    }

    private ApiResponse create(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        CampaignFields body = request.body(CampaignFields.class);
        if (body.name() == null) {
            throw ApiProblem.invalid("name", "is required");
        }
        if (body.fromEmail() == null) {
            throw ApiProblem.invalid("fromEmail", "is required");
        }
        String actor = request.caller().actor();
        Campaign created = database.inTransaction(tx -> {
            Campaign campaign = campaigns.create(tx, new Campaign(null, body.name(),
                    body.description() == null ? "" : body.description(), body.fromEmail(),
                    body.fromName() == null ? "" : body.fromName(), body.replyTo(),
                    body.timezone() == null ? "UTC" : body.timezone(), "active", actor, null, null));
            audit.record(tx, actor, "campaign.created", "campaign", campaign.id().toString(),
                    change(request, null, campaign));
            return campaign;
        });
        return ApiResponse.created(created, "/campaigns/" + created.id());
    }

    private ApiResponse page(ApiRequest request) {
        request.caller().requireReader();
        String status = request.query("status").orElse(null);
        if (status != null && !List.of("active", "archived").contains(status)) {
            throw ApiProblem.invalid("status", "must be active or archived");
        }
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(campaigns.page(database, status, request.query("q").orElse(null),
                page.after(2), page.limit())));
    }

    private ApiResponse get(ApiRequest request) {
        request.caller().requireReader();
        UUID campaignId = request.pathUuid("campaignId");
        return ApiResponse.ok(campaigns.find(database, campaignId).orElseThrow(() -> notFound(campaignId)));
    }

    private ApiResponse update(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID campaignId = request.pathUuid("campaignId");
        CampaignFields body = request.body(CampaignFields.class);
        String actor = request.caller().actor();
        return ApiResponse.ok(database.inTransaction(tx -> {
            Campaign before = campaigns.lock(tx, campaignId).orElseThrow(() -> notFound(campaignId));
            if (before.status().equals("archived")) {
                throw ApiProblem.conflict("an archived campaign cannot be changed");
            }
            Campaign after = campaigns.update(tx, new Campaign(campaignId,
                    body.name() != null ? body.name() : before.name(),
                    body.description() != null ? body.description() : before.description(),
                    body.fromEmail() != null ? body.fromEmail() : before.fromEmail(),
                    body.fromName() != null ? body.fromName() : before.fromName(),
                    body.replyTo() != null ? body.replyTo() : before.replyTo(),
                    body.timezone() != null ? body.timezone() : before.timezone(),
                    before.status(), before.createdBy(), before.createdAt(), null));
            audit.record(tx, actor, "campaign.updated", "campaign", campaignId.toString(), change(request, before, after));
            if (!java.util.Objects.equals(before.fromEmail(), after.fromEmail())
                    || !java.util.Objects.equals(before.fromName(), after.fromName())
                    || !java.util.Objects.equals(before.replyTo(), after.replyTo())) {
                // What the campaign's waiting and approved rounds send changed: they need a new approval.
                workflow.senderChanged(tx, acting(request), campaignId);
            }
            return after;
        }));
    }

    /** Archives: refused while a round is sending; rounds not yet sent are cancelled, each audited. */
    private ApiResponse archive(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        UUID campaignId = request.pathUuid("campaignId");
        String actor = request.caller().actor();
        database.inTransaction(tx -> {
            Campaign before = campaigns.lock(tx, campaignId).orElseThrow(() -> notFound(campaignId));
            List<UUID> cancelled = workflow.cancelForArchive(tx, acting(request), campaignId);
            campaigns.archive(tx, campaignId);
            audit.record(tx, actor, "campaign.archived", "campaign", campaignId.toString(),
                    change(request, before, Map.of("status", "archived", "cancelledRounds", cancelled)));
            return null;
        });
        return ApiResponse.noContent();
    }

    static Acting acting(ApiRequest request) {
        return new Acting(request.caller(), request.requestId());
    }

    static Map<String, Object> change(ApiRequest request, Object before, Object after) {
        return AuditTrail.change(request.requestId(), before, after);
    }

    private static ApiProblem notFound(UUID campaignId) {
        return ApiProblem.notFound("campaign " + campaignId + " does not exist");
    }
}
