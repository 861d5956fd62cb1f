package com.campaignmanager.functions.tasks;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.Audience;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.NotificationType;
import com.campaignmanager.shared.notifications.Notifications;
import com.campaignmanager.shared.tasks.Task;
import com.campaignmanager.shared.tasks.TaskRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;

/**
 * Tasks around campaigns: editors and approvers create, edit and delete them, every member reads them. Assigning
 * a task tells the assignee (not when you assign yourself); overdue tasks are told by RoundRemindersFunction.
 * Every change is audited with the campaign's tasks, so the campaign timeline shows them.
 */
final class TasksRoutes {
    private static final Set<String> STATUSES = Set.of("todo", "doing", "done");

    /** Create and edit share the rules; on PATCH an absent field keeps its value, and "" clears notes. */
    record TaskFields(UUID roundId, String title, String notes, UUID assigneeId, OffsetDateTime dueAt, String status,
                      Boolean unassign) {
        TaskFields {
            if (title != null && (title.isBlank() || title.strip().length() > 200)) {
                throw new InvalidFieldException("title", "must be 1 to 200 characters");
            }
            if (notes != null && notes.length() > 10_000) {
                throw new InvalidFieldException("notes", "must be at most 10000 characters");
            }
            if (status != null && !STATUSES.contains(status)) {
                throw new InvalidFieldException("status", "must be todo, doing or done");
            }
            title = title == null ? null : title.strip();
        }
    }

    private final Database database;
    private final TaskRepository tasks;
    private final AuditTrail audit;
    private final Notifications notifications;

    @Inject
    TasksRoutes(Database database, TaskRepository tasks, AuditTrail audit, Notifications notifications) {
        this.database = database;
        this.tasks = tasks;
        this.audit = audit;
        this.notifications = notifications;
    }

    Routes routes() {
        return Routes.builder()
                .add("POST /campaigns/{campaignId}/tasks", this::create)
                .add("GET /tasks", this::page)
                .add("GET /tasks/{taskId}", this::get)
                .add("PATCH /tasks/{taskId}", this::update)
                .add("DELETE /tasks/{taskId}", this::delete)
                .build();
    }

    private ApiResponse create(ApiRequest request) {
        request.caller().require(Role.EDITOR, Role.APPROVER);
        UUID campaignId = request.pathUuid("campaignId");
        TaskFields fields = request.body(TaskFields.class);
        if (fields.title() == null) {
            throw ApiProblem.invalid("title", "is required");
        }
        String actor = request.caller().actor();
        Task created = database.inTransaction(tx -> {
            Task draft = new Task(null, campaignId, fields.roundId(), fields.title(),
                    fields.notes() == null ? "" : fields.notes(), fields.assigneeId(), fields.dueAt(),
                    fields.status() == null ? "todo" : fields.status(), actor, null, null, null);
            checkReferences(tx, draft);
            UUID id = tasks.create(tx, draft);
            Task task = tasks.find(tx, id).orElseThrow();
            audit.record(tx, actor, "task.created", "task", id.toString(), withCampaign(request, null, task));
            announceAssignment(tx, null, task, actor);
            return task;
        });
        return ApiResponse.created(created, "/tasks/" + created.id());
    }

    private ApiResponse page(ApiRequest request) {
        request.caller().requireReader();
        UUID assignee = request.query("assignee").map(value -> value.equals("me") ? request.caller().requireMember()
                : uuid("assignee", value)).orElse(null);
        UUID campaignId = request.query("campaignId").map(value -> uuid("campaignId", value)).orElse(null);
        String status = request.query("status").orElse(null);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiProblem.invalid("status", "must be todo, doing or done");
        }
        Instant dueBefore = request.queryInstant("dueBefore").orElse(null);
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(tasks.page(database,
                new TaskRepository.Filter(assignee, campaignId, status, dueBefore), page.after(2), page.limit())));
    }

    private ApiResponse get(ApiRequest request) {
        request.caller().requireReader();
        UUID taskId = request.pathUuid("taskId");
        return ApiResponse.ok(tasks.find(database, taskId).orElseThrow(() -> notFound(taskId)));
    }

    private ApiResponse update(ApiRequest request) {
        request.caller().require(Role.EDITOR, Role.APPROVER);
        UUID taskId = request.pathUuid("taskId");
        TaskFields fields = request.body(TaskFields.class);
        String actor = request.caller().actor();
        return ApiResponse.ok(database.inTransaction(tx -> {
            if (!tasks.lock(tx, taskId)) {
                throw notFound(taskId);
            }
            Task before = tasks.find(tx, taskId).orElseThrow();
            UUID assignee = Boolean.TRUE.equals(fields.unassign()) ? null
                    : fields.assigneeId() != null ? fields.assigneeId() : before.assigneeId();
            Task changed = new Task(taskId, before.campaignId(),
                    fields.roundId() != null ? fields.roundId() : before.roundId(),
                    fields.title() != null ? fields.title() : before.title(),
                    fields.notes() != null ? fields.notes() : before.notes(), assignee,
                    fields.dueAt() != null ? fields.dueAt() : before.dueAt(),
                    fields.status() != null ? fields.status() : before.status(), before.createdBy(), null, null, null);
            checkReferences(tx, changed);
            tasks.update(tx, changed);
            Task after = tasks.find(tx, taskId).orElseThrow();
            String action = !before.status().equals("done") && after.status().equals("done") ? "task.completed"
                    : "task.updated";
            audit.record(tx, actor, action, "task", taskId.toString(), withCampaign(request, before, after));
            announceAssignment(tx, before, after, actor);
            return after;
        }));
    }

    private ApiResponse delete(ApiRequest request) {
        request.caller().require(Role.EDITOR, Role.APPROVER);
        UUID taskId = request.pathUuid("taskId");
        database.inTransaction(tx -> {
            if (!tasks.lock(tx, taskId)) {
                throw notFound(taskId);
            }
            Task before = tasks.find(tx, taskId).orElseThrow();
            tasks.delete(tx, taskId);
            audit.record(tx, request.caller().actor(), "task.deleted", "task", taskId.toString(),
                    withCampaign(request, before, null));
            return null;
        });
        return ApiResponse.noContent();
    }

    private void checkReferences(SqlExecutor tx, Task task) {
        TaskRepository.References references = tasks.references(tx, task.campaignId(), task.roundId(),
                task.assigneeId());
        if (references.campaignStatus() == null) {
            throw ApiProblem.notFound("campaign " + task.campaignId() + " does not exist");
        }
        if (!references.campaignStatus().equals("active")) {
            throw ApiProblem.conflict("the campaign is archived");
        }
        if (!references.roundOk()) {
            throw ApiProblem.unprocessableField("roundId", "is not a round of this campaign");
        }
        if (!references.assigneeOk()) {
            throw ApiProblem.unprocessableField("assigneeId", "is not an active team member");
        }
    }

    /** The new assignee hears of it, once per assignment, unless they assigned it to themselves. */
    private void announceAssignment(SqlExecutor tx, Task before, Task after, String actor) {
        if (after.assigneeId() == null || (before != null && Objects.equals(before.assigneeId(), after.assigneeId()))) {
            return;
        }
        notifications.publish(tx, new Notice(NotificationType.TASK_ASSIGNED,
                "task:" + after.id() + ":assigned:" + after.assigneeId() + ":" + after.updatedAt().toEpochMilli(),
                Notice.Severity.INFO, "Assigned to you: " + after.title(),
                actor + " assigned you \"" + after.title() + "\""
                        + (after.dueAt() != null ? ", due " + after.dueAt() : "") + ".",
                "task", after.id().toString(), Map.of("taskId", after.id(), "campaignId", after.campaignId()),
                Audience.member(after.assigneeId()).excluding(actor)));
    }

    /** The task's campaign goes into the audit detail, so the campaign's timeline finds its tasks. */
    private static Map<String, Object> withCampaign(ApiRequest request, Task before, Task after) {
        Map<String, Object> detail = AuditTrail.change(request.requestId(), before, after);
        detail.put("campaignId", (after != null ? after : before).campaignId().toString());
        return detail;
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "must be me or a member id");
        }
    }

    private static ApiProblem notFound(UUID taskId) {
        return ApiProblem.notFound("task " + taskId + " does not exist");
    }
}
