package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.email.MessageRenderer;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Templates, for every entry point: create, read, edit, archive (editors, approvers and admins write; every member
 * reads), each change audited. An edit makes a new version and keeps the old one; an edit of a layout sends the
 * waiting and approved rounds that use the template back for approval ({@link RoundWorkflow#templateChanged}),
 * while a round already sending goes on with the version it was approved with. A template is never deleted: a
 * DELETE archives it, refused while a round that is not finished uses it.
 */
@Singleton
public final class Templates {
    /** The most a layout may take in UTF-8 (two layouts and a round's content stay within a Data API row). */
    public static final int MAX_LAYOUT_BYTES = 24 * 1024;

    /** Create and edit share the rules; on an edit, an absent (null) field keeps its value. */
    public record TemplateFields(String name, String description, String htmlLayout, String textLayout) {
        public TemplateFields {
            if (name != null && (name.isBlank() || name.strip().length() > 200)) {
                throw new InvalidFieldException("name", "must be 1 to 200 characters");
            }
            if (description != null && description.length() > 2_000) {
                throw new InvalidFieldException("description", "is longer than 2000 characters");
            }
            layout("htmlLayout", htmlLayout);
            layout("textLayout", textLayout);
            name = name == null ? null : name.strip();
        }

        /** A layout has its {@code {{content}}} slot exactly once, and only merge fields the renderer knows. */
        private static void layout(String field, String layout) {
            if (layout == null) {
                return;
            }
            if (layout.getBytes(StandardCharsets.UTF_8).length > MAX_LAYOUT_BYTES) {
                throw new InvalidFieldException(field, "is longer than " + MAX_LAYOUT_BYTES / 1024 + " KB");
            }
            int slots = RoundMessages.slots(layout);
            if (slots != 1) {
                throw new InvalidFieldException(field, "must contain {{content}} exactly once (it has it " + slots
                        + " times): that is where a round's content goes");
            }
            List<String> unknown = MessageRenderer.unresolved(RoundMessages.SLOT.matcher(layout).replaceAll(""));
            if (!unknown.isEmpty()) {
                throw new InvalidFieldException(field, "has unknown merge fields: " + String.join(", ", unknown));
            }
        }
    }

    private final Database database;
    private final TemplateRepository templates;
    private final AuditTrail audit;
    private final RoundWorkflow workflow;

    @Inject
    public Templates(Database database, TemplateRepository templates, AuditTrail audit, RoundWorkflow workflow) {
        this.database = database;
        this.templates = templates;
        this.audit = audit;
        this.workflow = workflow;
    }

    public Template create(Acting acting, TemplateFields fields) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        if (fields.name() == null) {
            throw ApiProblem.invalid("name", "is required");
        }
        if (fields.htmlLayout() == null) {
            throw ApiProblem.invalid("htmlLayout", "is required: the HTML layout with its {{content}} slot");
        }
        return database.inTransaction(tx -> {
            UUID id = templates.create(tx, fields.name(), fields.description() == null ? "" : fields.description(),
                    fields.htmlLayout(), fields.textLayout(), acting.actor());
            Template created = templates.find(tx, id, null).orElseThrow();
            audit.record(tx, acting.actor(), "template.created", "template", id.toString(),
                    AuditTrail.change(acting.requestId(), null, created));
            return created;
        });
    }

    /** The templates not archived, oldest first. */
    public Page<Template.Summary> page(Acting acting, PageRequest page) {
        acting.caller().requireReader();
        return templates.page(database, page.after(2), page.limit());
    }

    /**
     * The template with its current layout, or with the layout of {@code version} (what a round was approved with);
     * archived ones too, so that sent rounds stay answerable.
     */
    public Template get(Acting acting, UUID templateId, Optional<Integer> version) {
        acting.caller().requireReader();
        Optional<Template> found = templates.find(database, templateId, version.orElse(null));
        if (found.isEmpty() && version.isPresent() && templates.find(database, templateId, null).isPresent()) {
            throw ApiProblem.notFound("template " + templateId + " has no version " + version.get());
        }
        return found.orElseThrow(() -> notFound(templateId));
    }

    /**
     * A new version. {@code seenVersion}: the version the editor changed (If-Match); a template changed since is a
     * 412. A changed layout sends the waiting and approved rounds that use it back for approval, in the same
     * transaction.
     */
    public Template update(Acting acting, UUID templateId, TemplateFields fields, Optional<Integer> seenVersion) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        return database.inTransaction(tx -> {
            TemplateRepository.Locked locked = templates.lock(tx, templateId)
                    .orElseThrow(() -> notFound(templateId));
            if (locked.archived()) {
                throw ApiProblem.conflict("the template is archived: it cannot be changed");
            }
            if (seenVersion.isPresent() && seenVersion.get() != locked.version()) {
                throw ApiProblem.preconditionFailed("the template changed since you saw it (version "
                        + seenVersion.get() + ", now " + locked.version() + ")", Map.of("version", locked.version()));
            }
            Template before = templates.find(tx, templateId, null).orElseThrow();
            String html = fields.htmlLayout() != null ? fields.htmlLayout() : before.htmlLayout();
            String text = fields.textLayout() != null ? fields.textLayout() : before.textLayout();
            templates.update(tx, templateId, fields.name() != null ? fields.name() : before.name(),
                    fields.description() != null ? fields.description() : before.description(), html, text,
                    acting.actor());
            Template after = templates.find(tx, templateId, null).orElseThrow();
            audit.record(tx, acting.actor(), "template.updated", "template", templateId.toString(),
                    AuditTrail.change(acting.requestId(), before, after));
            if (!html.equals(before.htmlLayout()) || !Objects.equals(text, before.textLayout())) {
                // What its rounds send changed: a standing approval no longer covers it.
                workflow.templateChanged(tx, acting, templateId);
            }
            return after;
        });
    }

    /**
     * Archives: hidden from the list and taken by no new round, still readable. Refused (409, naming them) while a
     * round that is not finished uses it; archiving an archived template changes nothing.
     */
    public void archive(Acting acting, UUID templateId) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        database.inTransaction(tx -> {
            TemplateRepository.Locked locked = templates.lock(tx, templateId)
                    .orElseThrow(() -> notFound(templateId));
            if (locked.archived()) {
                return null;
            }
            // After the lock: a round taking the template holds it for share, so it is seen here once committed.
            List<TemplateRepository.UsingRound> using = templates.unfinishedRounds(tx, templateId);
            if (!using.isEmpty()) {
                throw ApiProblem.conflict("the template is used by rounds that are not finished: " + String.join(
                        ", ", using.stream().map(r -> r.name() + " (" + r.id() + ", " + r.status() + ")").toList())
                        + "; change them to another template or cancel them first");
            }
            templates.archive(tx, templateId, acting.actor());
            audit.record(tx, acting.actor(), "template.archived", "template", templateId.toString(),
                    Map.of("requestId", acting.requestId(), "version", locked.version()));
            return null;
        });
    }

    private static ApiProblem notFound(UUID templateId) {
        return ApiProblem.notFound("template " + templateId + " does not exist");
    }
}
