package com.campaignmanager.functions.team;

import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.team.Member;
import com.campaignmanager.shared.team.MemberFields;
import com.campaignmanager.shared.team.Team;
import javax.inject.Inject;

/** {@code /me} and {@code /team/members}: the HTTP side of {@link Team}, which holds the rules. */
final class TeamRoutes {
    private final Team team;

    @Inject
    TeamRoutes(Team team) {
        this.team = team;
    }

    Routes routes() {
        return Routes.builder()
                .add("GET /me", request -> ApiResponse.ok(team.me(request.acting())))
                .add("PATCH /me", request -> ApiResponse.ok(team.updateMe(request.acting(),
                        request.body(MemberFields.class))))
                .add("GET /team/members", this::page)
                .add("POST /team/members", this::add)
                .add("GET /team/members/{memberId}", request -> ApiResponse.ok(team.get(request.acting(),
                        request.pathUuid("memberId"))))
                .add("PATCH /team/members/{memberId}", request -> ApiResponse.ok(team.update(request.acting(),
                        request.pathUuid("memberId"), request.body(MemberFields.class))))
                .add("DELETE /team/members/{memberId}", request -> ApiResponse.ok(team.deactivate(request.acting(),
                        request.pathUuid("memberId"))))
                .build();
    }

    private ApiResponse page(ApiRequest request) {
        return ApiResponse.ok(PageResponse.of(team.page(request.acting(), request.queryBoolean("active").orElse(null),
                request.query("role").orElse(null), request.page())));
    }

    private ApiResponse add(ApiRequest request) {
        Member created = team.add(request.acting(), request.body(MemberFields.class));
        return ApiResponse.created(created, "/team/members/" + created.id());
    }
}
