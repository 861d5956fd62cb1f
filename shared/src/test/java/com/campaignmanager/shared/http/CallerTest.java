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
    }

    @Test
    void groupNamesAreExactNoSplittingOfOneName() {
        // One group called "Former admin" (other issuers allow spaces), or a comma text: neither is admin.
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "Former admin")).roles()).isEmpty();
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "[\"Former admin\"]")).roles()).isEmpty();
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "editor,admin")).roles()).isEmpty();
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "[Admin admins]")).roles()).isEmpty();
        assertThat(Caller.fromClaims(Map.of("sub", "a", "cognito:groups", "editor")).roles())
                .containsExactly(Role.EDITOR);
    }

    @Test
    void claimsUsersWriteThemselvesAreNotTrustedUnlessConfigured() {
        Map<String, String> claims = Map.of("sub", "a", "roles", "[admin]", "custom:roles", "[admin]");
        assertThat(Caller.fromClaims(claims).roles()).isEmpty();
        assertThat(Caller.fromClaims(claims, new RolesClaim("custom:roles")).roles()).containsExactly(Role.ADMIN);
        assertThat(RolesClaim.from(com.campaignmanager.shared.config.Environment.of(Map.of())))
                .isEqualTo(RolesClaim.DEFAULT);
    }

    @Test
    void anUnverifiedEmailIsNeverTheActorAndIdentitiesComeFromTheSubject() {
        Caller unverified = Caller.fromClaims(Map.of("sub", "x", "email", "BOSS@Example.com",
                "email_verified", "false"));
        Caller verified = Caller.fromClaims(Map.of("sub", "x", "email", "boss@example.com",
                "email_verified", "true"));
        Caller accessToken = Caller.fromClaims(Map.of("sub", "x"));

        assertThat(unverified.actor()).isEqualTo("sub:x");
        assertThat(verified.actor()).isEqualTo("boss@example.com");
        assertThat(unverified.identities()).isEqualTo(accessToken.identities()).containsExactly("subject:x");
        java.util.UUID member = java.util.UUID.randomUUID();
        assertThat(accessToken.asMember(member, "boss@example.com", java.util.Set.of(Role.EDITOR)).identities())
                .containsExactlyInAnyOrder("subject:x", "member:" + member);
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
