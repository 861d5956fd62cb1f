package com.campaignmanager.shared.tasks;

import com.campaignmanager.shared.db.Cursor;
import com.campaignmanager.shared.db.InvalidCursorException;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.Row;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.db.StoredText;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

@Singleton
public final class TaskRepository {
    private static final SqlStatements SQL = SqlStatements.load(TaskRepository.class, "tasks.sql");
    private static final String TASK_REFERENCES = SQL.statement("task-references");
    private static final String INSERT_TASK = SQL.statement("insert-task");
    private static final String FIND_TASK = SQL.statement("find-task");
    private static final String LOCK_TASK = SQL.statement("lock-task");
    private static final String UPDATE_TASK = SQL.statement("update-task");
    private static final String DELETE_TASK = SQL.statement("delete-task");
    private static final String PAGE_TASKS = SQL.statement("page-tasks");
    private static final String UNDATED = "infinity";

    /** What a new or changed task points at, checked in one call. */
    public record References(String campaignStatus, boolean roundOk, boolean assigneeOk) {
    }

    /** The filters of {@code GET /tasks}. */
    public record Filter(UUID assigneeId, UUID campaignId, TaskStatus status, Instant dueBefore) {
    }

    @Inject
    public TaskRepository() {
    }

    public References references(SqlExecutor sql, UUID campaignId, UUID roundId, UUID assigneeId) {
        return sql.querySingle(TASK_REFERENCES, Params.of("campaignId", campaignId)
                        .put("roundId", roundId).put("assigneeId", assigneeId),
                r -> new References(r.string("campaign_status"), Boolean.TRUE.equals(r.bool("round_ok")),
                        Boolean.TRUE.equals(r.bool("assignee_ok"))));
    }

    public UUID create(SqlExecutor sql, Task task) {
        return sql.querySingle(INSERT_TASK, Params.of("campaignId", task.campaignId())
                .put("roundId", task.roundId()).put("title", task.title()).put("notes", task.notes())
                .put("assigneeId", task.assigneeId()).put("dueAt", task.dueAt()).put("status", task.status())
                .put("createdBy", task.createdBy()), r -> r.uuid("id"));
    }

    public Optional<Task> find(SqlExecutor sql, UUID taskId) {
        return sql.queryOptional(FIND_TASK, Params.of("taskId", taskId), TaskRepository::map);
    }

    public boolean lock(SqlExecutor sql, UUID taskId) {
        return sql.queryOptional(LOCK_TASK, Params.of("taskId", taskId), r -> r.uuid("id")).isPresent();
    }

    public void update(SqlExecutor sql, Task task) {
        sql.update(UPDATE_TASK, Params.of("taskId", task.id()).put("roundId", task.roundId())
                .put("title", task.title()).put("notes", task.notes()).put("assigneeId", task.assigneeId())
                .put("dueAt", task.dueAt()).put("status", task.status()));
    }

    public void delete(SqlExecutor sql, UUID taskId) {
        sql.update(DELETE_TASK, Params.of("taskId", taskId));
    }

    public Page<Task> page(SqlExecutor sql, Filter filter, List<String> after, int limit) {
        Params params = Params.of("assigneeId", filter.assigneeId()).put("campaignId", filter.campaignId())
                .put("status", filter.status()).put("dueBefore", filter.dueBefore());
        if (after == null) {
            params.put("afterDue", (Instant) null).put("afterId", (UUID) null);
        } else {
            try {
                // Undated tasks sort last; their position is carried as the text 'infinity'.
                params = after.get(0).equals(UNDATED) ? params.put("afterDue", UNDATED)
                        : params.put("afterDue", Cursor.instant(after.get(0)));
                params.put("afterId", UUID.fromString(after.get(1)));
            } catch (RuntimeException e) {
                throw new InvalidCursorException();
            }
        }
        return sql.queryPage(PAGE_TASKS, params, limit, TaskRepository::map,
                t -> Cursor.encode(t.dueAt() == null ? UNDATED : t.dueAt().toInstant().toString(), t.id().toString()));
    }

    static Task map(Row r) {
        Instant due = r.instant("due_at");
        return new Task(r.uuid("id"), r.uuid("campaign_id"), r.uuid("round_id"), r.string("title"), r.string("notes"),
                r.uuid("assignee_id"), due == null ? null : due.atZone(zone(r.string("timezone"))).toOffsetDateTime(),
                StoredText.of(TaskStatus.class, r.string("status")), r.string("created_by"), r.instant("completed_at"), r.instant("created_at"),
                r.instant("updated_at"));
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
