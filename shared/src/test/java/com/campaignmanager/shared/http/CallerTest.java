package com.campaignmanager.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void parsesTheListFormsOfTheGroupsClaim() {
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "[admin editor]")).roles())
                .containsExactlyInAnyOrder(Role.ADMIN, Role.EDITOR);
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "[\"approver\",\"viewer\"]")).roles())
                .containsExactlyInAnyOrder(Role.APPROVER, Role.VIEWER);
        assertThat(Caller.fromClaims(Map.of("sub", "a", "roles", "editor, unknown")).roles())
                .containsExactly(Role.EDITOR);
    }

    @Test
    void adminMayDoEverythingAndNoRolesMeansNothing() {
        Caller admin = Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "[admin]"));
        Caller nobody = Caller.fromClaims(Map.of("sub", "n"));

        admin.require(Role.APPROVER);
        admin.requireReader();
        assertThatThrownBy(nobody::requireReader).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> Caller.ANONYMOUS.require(Role.VIEWER)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(401));
    }

    @Test
    void personalDataIsForEditorsApproversAndAdminsNotForViewers() {
        Caller viewer = Caller.fromClaims(Map.of("sub", "v", "cognito:groups", "[viewer]"));

        viewer.requireReader();
        assertThat(viewer.maySeePersonalData()).isFalse();
        assertThatThrownBy(viewer::requirePersonalData).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(Caller.ANONYMOUS::requirePersonalData).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(401));
        for (String role : new String[] {"editor", "approver", "admin"}) {
            Caller caller = Caller.fromClaims(Map.of("sub", "x", "cognito:groups", "[" + role + "]"));
            assertThat(caller.maySeePersonalData()).as(role).isTrue();
            caller.requirePersonalData();
        }
    }
}
