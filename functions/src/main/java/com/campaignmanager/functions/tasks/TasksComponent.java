package com.campaignmanager.functions.tasks;

import com.campaignmanager.shared.aws.DataApiModule;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.HttpModule;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.RouteDispatcher;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.NotificationsModule;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingCall;
import com.campaignmanager.shared.tasks.Task;
import com.campaignmanager.shared.tasks.TaskStatus;
import com.campaignmanager.shared.team.TeamModule;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.inject.Singleton;

@Singleton
@Component(modules = {DataApiModule.class, HttpModule.class, TeamModule.class, NotificationsModule.class, TasksComponent.RoutesModule.class})
interface TasksComponent {

    RouteDispatcher dispatcher();

    static TasksComponent create() {
        return DaggerTasksComponent.create();
    }

    /**
     * Priming: requests answered by this function's real routing and problem mapping before any SQL (no token, no body, an id that is none,
     * no route), a signed-in caller's claims read (no lookup), and a representative answer of its main read written
     * through its JSON (made-up values), so that nothing is read or written.
     */
    static Priming priming(RouteDispatcher dispatcher) {
        return Priming.of(
                PrimingCall.caller(dispatcher),
                PrimingCall.answer(dispatcher, "GET /tasks", PageResponse.of(new Page<>(List.of(new Task(PrimingCall.ID, PrimingCall.ID,
                        null, "Priming", "made up", PrimingCall.ID, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC),
                        TaskStatus.TODO, "priming", null, Instant.EPOCH, Instant.EPOCH)), "priming"))),
                PrimingCall.request(dispatcher, "GET /tasks", "/tasks", 401),
                PrimingCall.request(dispatcher, "PATCH /tasks/{taskId}", "/tasks/0", 404),
                PrimingCall.request(dispatcher, "GET /priming/unknown", "/priming/unknown", 404));
    }

    @Module
    final class RoutesModule {
        private RoutesModule() {
        }

        @Provides
        @Singleton
        static Routes routes(TasksRoutes routes) {
            return routes.routes();
        }
    }
}
