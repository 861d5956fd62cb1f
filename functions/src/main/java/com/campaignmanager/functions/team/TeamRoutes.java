package com.campaignmanager.functions.team;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audit.AuditTrail;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.SqlExecutor;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.http.Routes;
import com.campaignmanager.shared.notifications.NotificationType;
import com.campaignmanager.shared.team.ChannelChoice;
import com.campaignmanager.shared.team.Member;
import com.campaignmanager.shared.team.TeamRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * {@code /me} and {@code /team/members}. Any member reads the team; only admins change it, and the last active
 * admin can be neither demoted nor deactivated. Every change is audited in its own transaction.
 */
final class TeamRoutes {
    private static final Pattern SLACK_USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");

    /** {@code GET /me}: who the caller is, what they may do, and what is waiting for them. */
    record Me(String sub, String email, List<String> roles, UUID memberId, String name, long unreadNotifications) {
    }

    /** Create and edit share the rules; on PATCH an absent field keeps its value. */
    record MemberFields(String email, String name, String role, String slackUserId,
                        Map<String, ChannelChoice> preferences, Boolean active) {
        MemberFields {
            if (email != null) {
                try {
                    email = EmailAddress.parse(email).value();
                } catch (EmailAddress.InvalidEmailException e) {
                    throw new InvalidFieldException("email", e.getMessage());
                }
            }
            if (name != null && name.strip().length() > 200) {
                throw new InvalidFieldException("name", "must be at most 200 characters");
            }
            if (role != null && Role.fromWireName(role).isEmpty()) {
                throw new InvalidFieldException("role", "must be viewer, editor, approver or admin");
            }
            if (slackUserId != null && !slackUserId.isEmpty() && !SLACK_USER_ID.matcher(slackUserId).matches()) {
                throw new InvalidFieldException("slackUserId", "is not a Slack member id such as U024BE7LH");
            }
            if (preferences != null) {
                for (String type : preferences.keySet()) {
                    if (NotificationType.fromWireName(type).isEmpty()) {
                        throw new InvalidFieldException("preferences." + type, "is not a notification type");
                    }
                }
            }
            name = name == null ? null : name.strip();
            role = role == null ? null : Role.fromWireName(role).orElseThrow().wireName();
        }
    }

    private final Database database;
    private final TeamRepository team;
    private final AuditTrail audit;

    @Inject
    TeamRoutes(Database database, TeamRepository team, AuditTrail audit) {
        this.database = database;
        this.team = team;
        this.audit = audit;
    }

    Routes routes() {
        return Routes.builder()
                .add("GET /me", this::me)
                .add("PATCH /me", this::updateMe)
                .add("GET /team/members", this::page)
                .add("POST /team/members", this::create)
                .add("GET /team/members/{memberId}", this::get)
                .add("PATCH /team/members/{memberId}", this::update)
                .add("DELETE /team/members/{memberId}", this::deactivate)
                .build();
    }

    private ApiResponse me(ApiRequest request) {
        Caller caller = request.caller();
        if (!caller.isAuthenticated()) {
            throw ApiProblem.unauthorized();
        }
        List<String> roles = caller.roles().stream().sorted().map(Role::wireName).toList();
        if (caller.memberId() == null) {
            return ApiResponse.ok(new Me(caller.subject(), caller.email(), roles, null, null, 0));
        }
        TeamRepository.Summary member = team.summary(database, caller.memberId());
        return ApiResponse.ok(new Me(caller.subject(), caller.email(), roles, caller.memberId(), member.name(),
                member.unreadNotifications()));
    }

    /** {@code PATCH /me}: every member sets their own name, Slack id and notification preferences. */
    private ApiResponse updateMe(ApiRequest request) {
        UUID memberId = request.caller().requireMember();
        MemberFields fields = request.body(MemberFields.class);
        String adminOnly = fields.email() != null ? "email" : fields.role() != null ? "role"
                : fields.active() != null ? "active" : null;
        if (adminOnly != null) {
            throw ApiProblem.invalid(adminOnly, "is changed by an admin (PATCH /team/members/{memberId})");
        }
        return ApiResponse.ok(database.inTransaction(tx -> {
            Member before = team.lock(tx, memberId).orElseThrow();
            Member saved = team.update(tx, new Member(before.id(), before.email(), before.subject(),
                    fields.name() != null ? fields.name() : before.name(), before.role(),
                    fields.slackUserId() != null ? emptyToNull(fields.slackUserId()) : before.slackUserId(),
                    fields.preferences() != null ? merge(before.preferences(), fields.preferences())
                            : before.preferences(), before.active(), before.createdAt(), before.updatedAt()));
            audit.record(tx, request.caller().actor(), "member.updated", "member", memberId.toString(),
                    AuditTrail.change(request.requestId(), before, saved));
            return saved;
        }));
    }

    private ApiResponse page(ApiRequest request) {
        request.caller().requireReader();
        Boolean active = request.queryBoolean("active").orElse(null);
        String role = request.query("role").map(value -> Role.fromWireName(value)
                .orElseThrow(() -> ApiProblem.invalid("role", "must be viewer, editor, approver or admin"))
                .wireName()).orElse(null);
        var page = request.page();
        return ApiResponse.ok(PageResponse.of(team.page(database, active, role, page.after(2), page.limit())));
    }

    private ApiResponse get(ApiRequest request) {
        request.caller().requireReader();
        UUID memberId = request.pathUuid("memberId");
        return ApiResponse.ok(team.find(database, memberId)
                .orElseThrow(() -> ApiProblem.notFound("member " + memberId + " does not exist")));
    }

    private ApiResponse create(ApiRequest request) {
        request.caller().require(Role.ADMIN);
        MemberFields fields = request.body(MemberFields.class);
        if (fields.email() == null) {
            throw ApiProblem.invalid("email", "is required");
        }
        if (fields.role() == null) {
            throw ApiProblem.invalid("role", "is required");
        }
        if (fields.active() != null && !fields.active()) {
            throw ApiProblem.invalid("active", "a new member is active");
        }
        Member created = database.inTransaction(tx -> {
            Member member = team.create(tx, fields.email(), fields.name() == null ? "" : fields.name(), fields.role(),
                    emptyToNull(fields.slackUserId()), fields.preferences());
            audit.record(tx, request.caller().actor(), "member.added", "member", member.id().toString(),
                    AuditTrail.change(request.requestId(), null, member));
            return member;
        });
        return ApiResponse.created(created, "/team/members/" + created.id());
    }

    private ApiResponse update(ApiRequest request) {
        request.caller().require(Role.ADMIN);
        UUID memberId = request.pathUuid("memberId");
        MemberFields fields = request.body(MemberFields.class);
        if (fields.email() != null) {
            throw ApiProblem.invalid("email", "cannot be changed; add a member with the new address");
        }
        return ApiResponse.ok(database.inTransaction(tx -> {
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
            audit.record(tx, request.caller().actor(), "member.updated", "member", memberId.toString(),
                    AuditTrail.change(request.requestId(), before, saved));
            return saved;
        }));
    }

    private ApiResponse deactivate(ApiRequest request) {
        request.caller().require(Role.ADMIN);
        UUID memberId = request.pathUuid("memberId");
        return ApiResponse.ok(database.inTransaction(tx -> {
            Locked locked = lockForChange(tx, memberId);
            Member before = locked.member();
            if (!before.active()) {
                return before;
            }
            Member after = new Member(before.id(), before.email(), before.subject(), before.name(), before.role(),
                    before.slackUserId(), before.preferences(), false, before.createdAt(), before.updatedAt());
            requireAnAdminRemains(locked, after);
            Member saved = team.update(tx, after);
            audit.record(tx, request.caller().actor(), "member.deactivated", "member", memberId.toString(),
                    AuditTrail.change(request.requestId(), before, saved));
            return saved;
        }));
    }

    /** A member locked for a change, and how many active admins there are (all locked too). */
    private record Locked(Member member, int activeAdmins) {
    }

    /** Admins are locked before the member, always in that order, so concurrent changes cannot deadlock. */
    private Locked lockForChange(SqlExecutor tx, UUID memberId) {
        int admins = team.lockActiveAdmins(tx);
        return new Locked(team.lock(tx, memberId)
                .orElseThrow(() -> ApiProblem.notFound("member " + memberId + " does not exist")), admins);
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
}
