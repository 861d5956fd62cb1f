package com.campaignmanager.functions.mcp;

import static com.campaignmanager.functions.mcp.Schema.bool;
import static com.campaignmanager.functions.mcp.Schema.dateTime;
import static com.campaignmanager.functions.mcp.Schema.nullable;
import static com.campaignmanager.functions.mcp.Schema.oneOf;
import static com.campaignmanager.functions.mcp.Schema.string;
import static com.campaignmanager.functions.mcp.Schema.text;
import static com.campaignmanager.functions.mcp.Schema.uuid;

import com.campaignmanager.shared.notifications.Inbox;
import com.campaignmanager.shared.tasks.TaskFields;
import com.campaignmanager.shared.tasks.Tasks;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/** The team's work: tasks around campaigns ({@link Tasks}) and the caller's own notifications ({@link Inbox}). */
final class TeamworkTools {
    private static final Map<String, Object> TASK = Schema.output()
            .required("id", uuid("The task."))
            .required("campaignId", uuid("Its campaign."))
            .required("roundId", nullable(uuid("The round it is about.")))
            .required("title", string("What is to be done."))
            .required("notes", string("More about it."))
            .required("assigneeId", nullable(uuid("The team member it is assigned to.")))
            .required("dueAt", nullable(dateTime("When it is due, in the campaign's zone")))
            .required("status", oneOf("todo, doing or done.", "todo", "doing", "done"))
            .required("createdBy", string("Who created it."))
            .build();

    private static final Map<String, Object> NOTIFICATION = Schema.output()
            .required("id", uuid("The notification."))
            .required("type", string("e.g. round.approval_requested, round.approved, task.assigned."))
            .required("severity", string("info, warning or error."))
            .required("title", string("One line."))
            .required("body", nullable(string("More.")))
            .required("entityType", nullable(string("What it is about: round, task…")))
            .required("entityId", nullable(string("Which one.")))
            .required("createdAt", dateTime("When"))
            .required("readAt", nullable(dateTime("When it was read")))
            .build();

    private final Tasks tasks;
    private final Inbox inbox;

    @Inject
    TeamworkTools(Tasks tasks, Inbox inbox) {
        this.tasks = tasks;
        this.inbox = inbox;
    }

    List<Tool> tools() {
        return List.of(
                new Tool("list_tasks", "List tasks", "Tasks around campaigns, soonest due first: filter by assignee"
                        + " (me, or a member's id), campaign, status and due date. Any member may read them.",
                        Schema.input().optional("assignee", string("me, or a team member's id."))
                                .optional("campaignId", uuid("Only this campaign's tasks."))
                                .optional("status", oneOf("Only tasks in this status.", "todo", "doing", "done"))
                                .optional("dueBefore", dateTime("Only tasks due before")).paged().build(),
                        Schema.page(TASK), Tool.reads(),
                        (acting, args) -> tasks.page(acting, new Tasks.Filter(args.word("assignee").orElse(null),
                                args.optionalUuid("campaignId").map(Object::toString).orElse(null),
                                args.word("status").orElse(null), args.instant("dueBefore").orElse(null)),
                                args.page())),
                new Tool("create_task", "Create a task", "Creates a task in a campaign (optionally about one of its"
                        + " rounds), optionally assigned to a team member, who is told, and with a due time. Needs"
                        + " the role editor or approver.",
                        Schema.input().required("campaignId", uuid("The campaign."))
                                .required("title", text("What is to be done (1-200 characters).", 200))
                                .optional("roundId", uuid("The round it is about."))
                                .optional("notes", text("More about it.", 10_000))
                                .optional("assigneeId", uuid("The team member to do it."))
                                .optional("dueAt", dateTime("When it is due")).build(),
                        TASK, Tool.changes(false, false),
                        (acting, args) -> tasks.create(acting, args.uuid("campaignId"), new TaskFields(
                                args.optionalUuid("roundId").orElse(null), args.text("title").orElse(null),
                                args.text("notes").orElse(null), args.optionalUuid("assigneeId").orElse(null),
                                args.dateTime("dueAt").orElse(null), null, null))),
                new Tool("my_notifications", "My notifications", "The caller's own notifications, newest first"
                        + " (approvals asked of them, decisions on their rounds, tasks assigned to them, failures):"
                        + " all, or the unread ones. Reading them here does not mark them read. Needs the caller"
                        + " to be a team member.",
                        Schema.input().optional("unreadOnly", bool("Only those not read yet.")).paged().build(),
                        Schema.page(NOTIFICATION), Tool.reads(),
                        (acting, args) -> inbox.page(acting, args.bool("unreadOnly").orElse(false), args.page())));
    }
}
