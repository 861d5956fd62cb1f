package com.campaignmanager.shared.team;

import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The team, for every entry point: any member reads it; only admins change it, and the last active admin can be
 * neither demoted nor deactivated; every member edits their own name, Slack id and notification preferences. Each
 * change is audited in its own transaction.
 */
@Singleton
public final class Team {
    /** Who the caller is, what they may do, and what is waiting for them. */
    public record Me(String sub, String email, List<String> roles, UUID memberId, String name,
                     long unreadNotifications) {
    }

    private final Database database;
    private final TeamRepository team;
    private final AuditTrail audit;

    @Inject
    public Team(Database database, TeamRepository team, AuditTrail audit) {
        this.database = database;
        this.team = team;
        this.audit = audit;
    }

    public Me me(Acting acting) {
        Caller caller = acting.caller();
        if (!caller.isAuthenticated()) {
            throw ApiProblem.unauthorized();
        }
        List<String> roles = caller.roles().stream().sorted().map(Role::wireName).toList();
        if (caller.memberId() == null) {
            return new Me(caller.subject(), caller.email(), roles, null, null, 0);
        }
        TeamRepository.Summary member = team.summary(database, caller.memberId());
        return new Me(caller.subject(), caller.email(), roles, caller.memberId(), member.name(),
                member.unreadNotifications());
    }

    /** The caller's own name, Slack id and notification preferences; address, role and activity are an admin's. */
    public Member updateMe(Acting acting, MemberFields given) {
        UUID memberId = acting.caller().requireMember();
        MemberFields fields = given.checked();
        String adminOnly = fields.email() != null ? "email" : fields.role() != null ? "role"
                : fields.active() != null ? "active" : null;
        if (adminOnly != null) {
            throw ApiProblem.invalid(adminOnly, "is changed by an admin (PATCH /team/members/{memberId})");
        }
        return database.inTransaction(tx -> {
            Member before = team.lock(tx, memberId).orElseThrow();
            Member saved = team.update(tx, new Member(before.id(), before.email(), before.subject(),
                    fields.name() != null ? fields.name() : before.name(), before.role(),
                    fields.slackUserId() != null ? emptyToNull(fields.slackUserId()) : before.slackUserId(),
                    fields.preferences() != null ? merge(before.preferences(), fields.preferences())
                            : before.preferences(), before.active(), before.createdAt(), before.updatedAt()));
            audit.record(tx, acting.actor(), "member.updated", "member", memberId.toString(),
                    AuditTrail.change(acting.requestId(), before, saved));
            return saved;
        });
    }

    /** {@code active} and {@code role} (a role's wire name) filter when given. */
    public Page<Member> page(Acting acting, Boolean active, String role, PageRequest page) {
        acting.caller().requireReader();
        String wireRole = role == null ? null : Role.fromWireName(role)
                .orElseThrow(() -> ApiProblem.invalid("role", "must be viewer, editor, approver or admin"))
                .wireName();
        return team.page(database, active, wireRole, page.after(2), page.limit());
    }

    public Member get(Acting acting, UUID memberId) {
        acting.caller().requireReader();
        return team.find(database, memberId).orElseThrow(() -> notFound(memberId));
    }

    public Member add(Acting acting, MemberFields given) {
        acting.caller().require(Role.ADMIN);
        MemberFields fields = given.checked();
        if (fields.email() == null) {
            throw ApiProblem.invalid("email", "is required");
        }
        if (fields.role() == null) {
            throw ApiProblem.invalid("role", "is required");
        }
        if (fields.active() != null && !fields.active()) {
            throw ApiProblem.invalid("active", "a new member is active");
        }
        return database.inTransaction(tx -> {
            Member member = team.create(tx, fields.email(), fields.name() == null ? "" : fields.name(), fields.role(),
                    emptyToNull(fields.slackUserId()), fields.preferences());
            audit.record(tx, acting.actor(), "member.added", "member", member.id().toString(),
                    AuditTrail.change(acting.requestId(), null, member));
            return member;
        });
    }

    public Member update(Acting acting, UUID memberId, MemberFields given) {
        acting.caller().require(Role.ADMIN);
        MemberFields fields = given.checked();
        if (fields.email() != null) {
            throw ApiProblem.invalid("email", "cannot be changed; add a member with the new address");
        }
        return database.inTransaction(tx -> {
            Locked locked = lockForChange(tx, memberId);
            Member before = locked.member();
            Member after = new Member(before.id(), before.email(), before.subject(),
                    fields.name() != null ? fields.name() : before.name(),
                    fields.role() != null ? fields.role() : before.role(),
                    fields.slackUserId() != null ? emptyToNull(fields.slackUserId()) : before.slackUserId(),
                    fields.preferences() != null ? merge(before.preferences(), fields.preferences())
                            : before.preferences(),
                    fields.active() != null ? fields.active() : before.active(), before.createdAt(),
                    before.updatedAt());
            requireAnAdminRemains(locked, after);
            Member saved = team.update(tx, after);
            audit.record(tx, acting.actor(), "member.updated", "member", memberId.toString(),
                    AuditTrail.change(acting.requestId(), before, saved));
            return saved;
        });
    }

    /** Deactivating an inactive member changes nothing and answers the member as it is. */
    public Member deactivate(Acting acting, UUID memberId) {
        acting.caller().require(Role.ADMIN);
        return database.inTransaction(tx -> {
            Locked locked = lockForChange(tx, memberId);
            Member before = locked.member();
            if (!before.active()) {
                return before;
            }
            Member after = new Member(before.id(), before.email(), before.subject(), before.name(), before.role(),
                    before.slackUserId(), before.preferences(), false, before.createdAt(), before.updatedAt());
            requireAnAdminRemains(locked, after);
            Member saved = team.update(tx, after);
            audit.record(tx, acting.actor(), "member.deactivated", "member", memberId.toString(),
                    AuditTrail.change(acting.requestId(), before, saved));
            return saved;
        });
    }

    /** A member locked for a change, and how many active admins there are (all locked too). */
    private record Locked(Member member, int activeAdmins) {
    }

    /** Admins are locked before the member, always in that order, so concurrent changes cannot deadlock. */
    private Locked lockForChange(SqlExecutor tx, UUID memberId) {
        int admins = team.lockActiveAdmins(tx);
        return new Locked(team.lock(tx, memberId).orElseThrow(() -> notFound(memberId)), admins);
    }

    private static void requireAnAdminRemains(Locked locked, Member after) {
        Member before = locked.member();
        boolean wasAdmin = before.active() && before.role().equals("admin");
        boolean staysAdmin = after.active() && after.role().equals("admin");
        if (wasAdmin && !staysAdmin && locked.activeAdmins() <= 1) {
            throw ApiProblem.conflict(after.active() ? "role" : "active",
                    "this is the last active admin; make someone else admin first");
        }
    }

    private static Map<String, ChannelChoice> merge(Map<String, ChannelChoice> before,
                                                    Map<String, ChannelChoice> changes) {
        Map<String, ChannelChoice> merged = new HashMap<>(before);
        changes.forEach((type, choice) -> {
            ChannelChoice old = merged.get(type);
            if (choice == null) {
                merged.remove(type);
            } else if (old == null) {
                merged.put(type, choice);
            } else {
                merged.put(type, new ChannelChoice(choice.inApp() != null ? choice.inApp() : old.inApp(),
                        choice.email() != null ? choice.email() : old.email(),
                        choice.slack() != null ? choice.slack() : old.slack()));
            }
        });
        return merged;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static ApiProblem notFound(UUID memberId) {
        return ApiProblem.notFound("member " + memberId + " does not exist");
    }
}
