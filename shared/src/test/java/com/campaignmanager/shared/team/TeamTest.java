package com.campaignmanager.shared.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.migration.MigrationRunner;
import com.campaignmanager.shared.db.migration.Migrations;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.json.JsonMapper;
import com.campaignmanager.shared.testing.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The team changed directly, as an assistant's tool would change it: the same role checks and last-admin rule. */
@ExtendWith(LocalDataApiExtension.class)
class TeamTest {

    private static Acting as(Member member) {
        return new Acting(new Caller("sub-" + member.id(), member.email(), true, Set.of(Role.ADMIN), member.id()),
                "team-test");
    }

    private static void refused(int status, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.status()).isEqualTo(status));
    }

    @Test
    void onlyAnAdminChangesTheTeamAndTheLastAdminStaysOne() {
        // A database of its own: the last-admin rule counts every admin.
        Database database = TestDatabases.create("team").database();
        new MigrationRunner(database, Migrations.fromClasspath()).migrate();
        ObjectMapper json = JsonMapper.create();
        TeamRepository repository = new TeamRepository(json);
        Team team = new Team(database, repository, new AuditTrail(json));
        Member ada = repository.create(database, "ada@example.com", "Ada", "admin", null, Map.of());
        Acting viewer = new Acting(new Caller("sub-viewer", "v@example.com", true, Set.of(Role.VIEWER), null), "t");
        MemberFields nothing = new MemberFields(null, null, null, null, null, null);

        // Refused for the role before the missing or malformed values are looked at.
        refused(403, () -> team.add(viewer, nothing));
        refused(403, () -> team.add(viewer, new MemberFields("not an address", null, "chief", null, null, null)));
        assertThatThrownBy(() -> team.add(as(ada), new MemberFields("not an address", null, "chief", null, null,
                null))).isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.errors().get(0).field()).isEqualTo("email"));
        assertThatThrownBy(() -> team.add(as(ada), nothing)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.errors().get(0).field()).isEqualTo("email"));

        MemberFields editor = new MemberFields(null, null, "editor", null, null, null);
        refused(409, () -> team.update(as(ada), ada.id(), editor));
        refused(409, () -> team.deactivate(as(ada), ada.id()));

        team.add(as(ada), new MemberFields("bob@example.com", "Bob", "admin", null, null, null));
        assertThat(team.update(as(ada), ada.id(), editor).role()).isEqualTo("editor");
        long updates = database.querySingle("SELECT count(*) AS n FROM audit_events WHERE action = 'member.updated'",
                Params.of(), r -> r.longValue("n"));
        assertThat(updates).as("the refused changes left no audit entry").isEqualTo(1);
    }
}
