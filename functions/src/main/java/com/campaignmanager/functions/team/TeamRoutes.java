package com.campaignmanager.functions.team;

import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.http.Routes;
import java.util.List;
import javax.inject.Inject;

final class TeamRoutes {

    /** {@code GET /me}: who the token says the caller is. */
    record Me(String sub, String email, List<String> roles) {
    }

    @Inject
    TeamRoutes() {
    }

    Routes routes() {
        return Routes.builder()
                .add("GET /me", this::me)
                .build();
    }

    private ApiResponse me(ApiRequest request) {
        Caller caller = request.caller();
        if (!caller.isAuthenticated()) {
            throw com.campaignmanager.shared.http.ApiProblem.unauthorized();
        }
        return ApiResponse.ok(new Me(caller.subject(), caller.email(),
                caller.roles().stream().sorted().map(Role::wireName).toList()));
    }
}
