package com.campaignmanager.functions.tasks;

import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.tasks.Task;
import com.campaignmanager.shared.tasks.TaskFields;
import com.campaignmanager.shared.tasks.Tasks;
import javax.inject.Inject;

/** Tasks around campaigns: the HTTP side of {@link Tasks}, which holds the rules. */
final class TasksRoutes {
    private final Tasks tasks;

    @Inject
    TasksRoutes(Tasks tasks) {
        this.tasks = tasks;
    }

    Routes routes() {
        return Routes.builder()
                .add("POST /campaigns/{campaignId}/tasks", this::create)
                .add("GET /tasks", this::page)
                .add("GET /tasks/{taskId}", request -> ApiResponse.ok(tasks.get(request.acting(),
                        request.pathUuid("taskId"))))
                .add("PATCH /tasks/{taskId}", request -> ApiResponse.ok(tasks.update(request.acting(),
                        request.pathUuid("taskId"), request.body(TaskFields.class))))
                .add("DELETE /tasks/{taskId}", request -> {
                    tasks.delete(request.acting(), request.pathUuid("taskId"));
                    return ApiResponse.noContent();
                })
                .build();
    }

    private ApiResponse create(ApiRequest request) {
        Task created = tasks.create(request.acting(), request.pathUuid("campaignId"),
                request.body(TaskFields.class));
        return ApiResponse.created(created, "/tasks/" + created.id());
    }

    private ApiResponse page(ApiRequest request) {
        Tasks.Filter filter = new Tasks.Filter(request.query("assignee").orElse(null),
                request.query("campaignId").orElse(null), request.query("status").orElse(null),
                request.queryInstant("dueBefore").orElse(null));
        return ApiResponse.ok(PageResponse.of(tasks.page(request.acting(), filter, request.page())));
    }
}
