package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.StoredText;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Campaigns, for every entry point: create, read, edit, archive. Every change is audited in its own transaction;
 * a new sender sends the campaign's approved rounds back for approval ({@link RoundWorkflow#senderChanged}).
 */
@Singleton
public final class Campaigns {
    /** Create and edit share the rules; on an edit, an absent (null) field keeps its value. */
    public record CampaignFields(String name, String description, String fromEmail, String fromName, String replyTo,
                                 String timezone) {
        public CampaignFields {
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
    public Campaigns(Database database, CampaignRepository campaigns, AuditTrail audit, RoundWorkflow workflow) {
        this.database = database;
        this.campaigns = campaigns;
        this.audit = audit;
        this.workflow = workflow;
    }

    public Campaign create(Acting acting, CampaignFields fields) {
        acting.caller().require(Role.EDITOR);
        if (fields.name() == null) {
            throw ApiProblem.invalid("name", "is required");
        }
        if (fields.fromEmail() == null) {
            throw ApiProblem.invalid("fromEmail", "is required");
        }
        return database.inTransaction(tx -> {
            Campaign campaign = campaigns.create(tx, new Campaign(null, fields.name(),
                    fields.description() == null ? "" : fields.description(), fields.fromEmail(),
                    fields.fromName() == null ? "" : fields.fromName(), fields.replyTo(),
                    fields.timezone() == null ? "UTC" : fields.timezone(), CampaignStatus.ACTIVE, acting.actor(), null,
                    null));
            audit.record(tx, acting.actor(), "campaign.created", "campaign", campaign.id().toString(),
                    AuditTrail.change(acting.requestId(), null, campaign));
            return campaign;
        });
    }

    /** {@code POST /campaigns/{campaignId}/copy}: the copy's name ("Copy of …" when absent). */
    public record CopyFields(String name) {
        public CopyFields {
            if (name != null && (name.isBlank() || name.strip().length() > 200)) {
                throw new InvalidFieldException("name", "must be 1 to 200 characters");
            }
            name = name == null ? null : name.strip();
        }
    }

    /** A copied campaign, answered as the campaign with the ids of its rounds (drafts, in the source's order). */
    public record CampaignCopy(@JsonUnwrapped Campaign campaign, List<UUID> roundIds) {
    }

    /**
     * A new active campaign with the settings of {@code campaignId} (also of an archived one) and its rounds as
     * drafts without a time; audited, the campaign and each round.
     */
    public CampaignCopy copy(Acting acting, UUID campaignId, CopyFields fields) {
        acting.caller().require(Role.EDITOR);
        return database.inTransaction(tx -> {
            Campaign source = campaigns.find(tx, campaignId).orElseThrow(() -> notFound(campaignId));
            String name = fields.name() != null ? fields.name() : RoundWorkflow.copyName(source.name());
            Campaign copy = campaigns.create(tx, new Campaign(null, name, source.description(), source.fromEmail(),
                    source.fromName(), source.replyTo(), source.timezone(), CampaignStatus.ACTIVE, acting.actor(), null,
                    null));
            Map<String, Object> detail = AuditTrail.change(acting.requestId(), null, copy);
            detail.put("copiedFrom", campaignId);
            audit.record(tx, acting.actor(), "campaign.created", "campaign", copy.id().toString(), detail);
            return new CampaignCopy(copy, workflow.copyRounds(tx, acting, campaignId, copy.id()));
        });
    }

    /** {@code status}: active or archived (null for both); {@code q}: part of the name. */
    public Page<Campaign> page(Acting acting, String status, String q, PageRequest page) {
        acting.caller().requireReader();
        CampaignStatus wanted = status == null ? null : StoredText.find(CampaignStatus.class, status)
                .orElseThrow(() -> ApiProblem.invalid("status", "must be " + StoredText.choices(CampaignStatus.class)));
        return campaigns.page(database, wanted, q, page.after(2), page.limit());
    }

    public Campaign get(Acting acting, UUID campaignId) {
        acting.caller().requireReader();
        return existing(campaignId);
    }

    /** A campaign that must exist (404 otherwise), for readers who checked their role already. */
    public Campaign existing(UUID campaignId) {
        return campaigns.find(database, campaignId).orElseThrow(() -> notFound(campaignId));
    }

    public Campaign update(Acting acting, UUID campaignId, CampaignFields fields) {
        acting.caller().require(Role.EDITOR);
        return database.inTransaction(tx -> {
            Campaign before = campaigns.lock(tx, campaignId).orElseThrow(() -> notFound(campaignId));
            if (before.status() == CampaignStatus.ARCHIVED) {
                throw ApiProblem.conflict("an archived campaign cannot be changed");
            }
            Campaign after = campaigns.update(tx, new Campaign(campaignId,
                    fields.name() != null ? fields.name() : before.name(),
                    fields.description() != null ? fields.description() : before.description(),
                    fields.fromEmail() != null ? fields.fromEmail() : before.fromEmail(),
                    fields.fromName() != null ? fields.fromName() : before.fromName(),
                    fields.replyTo() != null ? fields.replyTo() : before.replyTo(),
                    fields.timezone() != null ? fields.timezone() : before.timezone(),
                    before.status(), before.createdBy(), before.createdAt(), null));
            audit.record(tx, acting.actor(), "campaign.updated", "campaign", campaignId.toString(),
                    AuditTrail.change(acting.requestId(), before, after));
            if (!Objects.equals(before.fromEmail(), after.fromEmail())
                    || !Objects.equals(before.fromName(), after.fromName())
                    || !Objects.equals(before.replyTo(), after.replyTo())) {
                // What the campaign's waiting and approved rounds send changed: they need a new approval.
                workflow.senderChanged(tx, acting, campaignId);
            }
            return after;
        });
    }

    /** Archives: refused while a round is sending; rounds not yet sent are cancelled, each audited. */
    public void archive(Acting acting, UUID campaignId) {
        acting.caller().require(Role.EDITOR);
        database.inTransaction(tx -> {
            Campaign before = campaigns.lock(tx, campaignId).orElseThrow(() -> notFound(campaignId));
            List<UUID> cancelled = workflow.cancelForArchive(tx, acting, campaignId);
            campaigns.archive(tx, campaignId);
            audit.record(tx, acting.actor(), "campaign.archived", "campaign", campaignId.toString(),
                    AuditTrail.change(acting.requestId(), before, Map.of("status", CampaignStatus.ARCHIVED,
                            "cancelledRounds", cancelled)));
            return null;
        });
    }

    private static ApiProblem notFound(UUID campaignId) {
        return ApiProblem.notFound("campaign " + campaignId + " does not exist");
    }
}
