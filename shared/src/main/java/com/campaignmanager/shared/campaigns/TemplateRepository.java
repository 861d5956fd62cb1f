package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.CreatedAtKeyset;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

@Singleton
public final class TemplateRepository {
    static final SqlStatements SQL = SqlStatements.load(TemplateRepository.class, "templates.sql");
    private static final String INSERT_TEMPLATE = SQL.statement("insert-template");
    private static final String INSERT_TEMPLATE_VERSION = SQL.statement("insert-template-version");
    private static final String FIND_TEMPLATE = SQL.statement("find-template");
    private static final String LOCK_TEMPLATE = SQL.statement("lock-template");
    private static final String SHARE_TEMPLATE = SQL.statement("share-template");
    private static final String UPDATE_TEMPLATE = SQL.statement("update-template");
    private static final String ARCHIVE_TEMPLATE = SQL.statement("archive-template");
    private static final String FIND_UNFINISHED_ROUNDS = SQL.statement("find-unfinished-rounds-using-template");
    private static final String PAGE_TEMPLATES = SQL.statement("page-templates");

    /** A template locked for a change: its current version, and whether it is archived. */
    public record Locked(UUID id, int version, boolean archived) {
    }

    /** A template as a round that takes it sees it (locked for share until the round's transaction ends). */
    public record Shared(UUID id, String name, boolean archived) {
    }

    /** A round that may still send with a template. */
    public record UsingRound(UUID id, String name, String status) {
    }

    @Inject
    public TemplateRepository() {
    }

    public UUID create(SqlExecutor sql, String name, String description, String htmlLayout, String textLayout,
                       String actor) {
        UUID id = sql.querySingle(INSERT_TEMPLATE, Params.of("name", name).put("description", description)
                .put("createdBy", actor), r -> r.uuid("id"));
        addVersion(sql, id, htmlLayout, textLayout, actor);
        return id;
    }

    /** The template with its current layout, or with the layout of {@code version} when given. */
    public Optional<Template> find(SqlExecutor sql, UUID templateId, Integer version) {
        return sql.queryOptional(FIND_TEMPLATE, Params.of("templateId", templateId).put("version", version),
                TemplateRepository::map);
    }

    public Optional<Locked> lock(SqlExecutor sql, UUID templateId) {
        return sql.queryOptional(LOCK_TEMPLATE, Params.of("templateId", templateId),
                r -> new Locked(r.uuid("id"), r.intValue("version"), !r.isNull("archived_at")));
    }

    public Optional<Shared> share(SqlExecutor sql, UUID templateId) {
        return sql.queryOptional(SHARE_TEMPLATE, Params.of("templateId", templateId),
                r -> new Shared(r.uuid("id"), r.string("name"), !r.isNull("archived_at")));
    }

    /** A new version: name and description changed in place, the layout kept as this version's. */
    public void update(SqlExecutor sql, UUID templateId, String name, String description, String htmlLayout,
                       String textLayout, String actor) {
        sql.update(UPDATE_TEMPLATE, Params.of("templateId", templateId).put("name", name)
                .put("description", description));
        addVersion(sql, templateId, htmlLayout, textLayout, actor);
    }

    public void archive(SqlExecutor sql, UUID templateId, String actor) {
        sql.update(ARCHIVE_TEMPLATE, Params.of("templateId", templateId).put("actor", actor));
    }

    /** Up to 20 rounds that may still send with the template (not sent, failed, cancelled or stopped). */
    public List<UsingRound> unfinishedRounds(SqlExecutor sql, UUID templateId) {
        return sql.query(FIND_UNFINISHED_ROUNDS, Params.of("templateId", templateId),
                r -> new UsingRound(r.uuid("id"), r.string("name"), r.string("status")));
    }

    public Page<Template.Summary> page(SqlExecutor sql, List<String> after, int limit) {
        return sql.queryPage(PAGE_TEMPLATES, CreatedAtKeyset.bind(Params.of(), after), limit,
                r -> new Template.Summary(r.uuid("id"), r.string("name"), r.string("description"),
                        r.intValue("version"), r.string("created_by"), r.instant("created_at"),
                        r.instant("updated_at")),
                t -> CreatedAtKeyset.cursor(t.createdAt(), t.id()));
    }

    private static void addVersion(SqlExecutor sql, UUID templateId, String htmlLayout, String textLayout,
                                   String actor) {
        sql.update(INSERT_TEMPLATE_VERSION, Params.of("templateId", templateId).put("htmlLayout", htmlLayout)
                .put("textLayout", textLayout).put("createdBy", actor));
    }

    private static Template map(Row r) {
        Instant archivedAt = r.instant("archived_at");
        return new Template(r.uuid("id"), r.string("name"), r.string("description"), r.string("html_layout"),
                r.string("text_layout"), r.intValue("version"), r.string("created_by"), r.instant("created_at"),
                r.instant("updated_at"), archivedAt, r.string("archived_by"));
    }
}
