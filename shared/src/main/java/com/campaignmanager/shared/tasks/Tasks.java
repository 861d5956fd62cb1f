package com.campaignmanager.shared.tasks;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.notifications.Audience;
import com.campaignmanager.shared.notifications.Notice;
import com.campaignmanager.shared.notifications.NotificationType;
import com.campaignmanager.shared.notifications.Notifications;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Tasks around campaigns, for every entry point: editors and approvers create, edit and delete them, every member
 * reads them. Assigning a task tells the assignee (not when you assign yourself); overdue tasks are told by
 * RoundRemindersFunction. Every change is audited with the campaign's id, so the campaign timeline shows them.
 */
@Singleton
public final class Tasks {

    /**
     * The filters of a listing, as given: {@code assignee} is {@code me} or a member id, {@code campaignId} a
     * campaign id, {@code status} todo, doing or done; null for no filter.
     */
    public record Filter(String assignee, String campaignId, String status, Instant dueBefore) {
    }

    private final Database database;
    private final TaskRepository tasks;
    private final AuditTrail audit;
    private final Notifications notifications;

    @Inject
    public Tasks(Database database, TaskRepository tasks, AuditTrail audit, Notifications notifications) {
        this.database = database;
        this.tasks = tasks;
        this.audit = audit;
        this.notifications = notifications;
    }

    public Task create(Acting acting, UUID campaignId, TaskFields given) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        TaskFields fields = given.checked();
        if (fields.title() == null) {
            throw ApiProblem.invalid("title", "is required");
        }
        String actor = acting.actor();
        return database.inTransaction(tx -> {
            Task draft = new Task(null, campaignId, fields.roundId(), fields.title(),
                    fields.notes() == null ? "" : fields.notes(), fields.assigneeId(), fields.dueAt(),
                    fields.status() == null ? TaskStatus.TODO : TaskStatus.given(fields.status()), actor, null, null, null);
            checkReferences(tx, draft);
            UUID id = tasks.create(tx, draft);
            Task task = tasks.find(tx, id).orElseThrow();
            audit.record(tx, actor, "task.created", "task", id.toString(), withCampaign(acting, null, task));
            announceAssignment(tx, null, task, actor);
            return task;
        });
    }

    public Page<Task> page(Acting acting, Filter filter, PageRequest page) {
        acting.caller().requireReader();
        UUID assignee = filter.assignee() == null ? null : filter.assignee().equals("me")
                ? acting.caller().requireMember() : uuid("assignee", filter.assignee());
        UUID campaignId = filter.campaignId() == null ? null : uuid("campaignId", filter.campaignId());
        return tasks.page(database, new TaskRepository.Filter(assignee, campaignId, TaskStatus.given(filter.status()),
                filter.dueBefore()), page.after(2), page.limit());
    }

    public Task get(Acting acting, UUID taskId) {
        acting.caller().requireReader();
        return tasks.find(database, taskId).orElseThrow(() -> notFound(taskId));
    }

    public Task update(Acting acting, UUID taskId, TaskFields given) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        TaskFields fields = given.checked();
        String actor = acting.actor();
        return database.inTransaction(tx -> {
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
                    fields.status() != null ? TaskStatus.given(fields.status()) : before.status(), before.createdBy(), null, null, null);
            checkReferences(tx, changed);
            tasks.update(tx, changed);
            Task after = tasks.find(tx, taskId).orElseThrow();
            String action = before.status() != TaskStatus.DONE && after.status() == TaskStatus.DONE ? "task.completed"
                    : "task.updated";
            audit.record(tx, actor, action, "task", taskId.toString(), withCampaign(acting, before, after));
            announceAssignment(tx, before, after, actor);
            return after;
        });
    }

    public void delete(Acting acting, UUID taskId) {
        acting.caller().require(Role.EDITOR, Role.APPROVER);
        database.inTransaction(tx -> {
            if (!tasks.lock(tx, taskId)) {
                throw notFound(taskId);
            }
            Task before = tasks.find(tx, taskId).orElseThrow();
            tasks.delete(tx, taskId);
            audit.record(tx, acting.actor(), "task.deleted", "task", taskId.toString(),
                    withCampaign(acting, before, null));
            return null;
        });
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
    private static Map<String, Object> withCampaign(Acting acting, Task before, Task after) {
        Map<String, Object> detail = AuditTrail.change(acting.requestId(), before, after);
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
