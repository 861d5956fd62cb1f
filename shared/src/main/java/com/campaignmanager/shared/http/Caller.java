package com.campaignmanager.shared.http;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from the JWT claims the API Gateway authorizer verified and passed on: {@code sub},
 * {@code email}, and roles from {@code cognito:groups} (or {@code roles}). When the caller is a team member
 * ({@link CallerDirectory}), {@code memberId} names the member and the member's role replaces the token's.
 */
public record Caller(String subject, String email, Set<Role> roles, UUID memberId) {
    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public Caller(String subject, String email, Set<Role> roles) {
        this(subject, email, roles, null);
    }

    public static final Caller ANONYMOUS = new Caller(null, null, Set.of());

    /** The same person as a team member with {@code roles} (none when the member is deactivated). */
    public Caller asMember(UUID memberId, Set<Role> roles) {
        return new Caller(subject, email, roles, memberId);
    }

    /** The member id of a caller who must be an active team member (their inbox, their tasks); 403 otherwise. */
    public UUID requireMember() {
        if (!isAuthenticated()) {
            throw ApiProblem.unauthorized();
        }
        if (memberId == null) {
            throw ApiProblem.forbidden("this needs you to be a team member; ask an admin to add " + email);
        }
        if (roles.isEmpty()) {
            throw ApiProblem.forbidden("your team membership is deactivated");
        }
        return memberId;
    }

    /** Who did it, for audit trails: the email, else the token's subject. */
    public String actor() {
        return email != null ? email : subject;
    }

    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null) {
            return ANONYMOUS;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String claim : new String[] {"cognito:groups", "roles", "custom:roles"}) {
            String value = claims.get(claim);
            if (value != null) {
                for (String name : parseList(value)) {
                    Role.fromWireName(name).ifPresent(roles::add);
                }
            }
        }
        return new Caller(claims.get("sub"), claims.get("email"), roles);
    }

    /**
     * API Gateway passes a list claim as text: {@code [admin editor]}; other issuers give JSON
     * ({@code ["admin","editor"]}) or a comma list. All three are read.
     */
    static Iterable<String> parseList(String value) {
        String inner = value.trim();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[,\\s]+"))
                .map(s -> s.replace("\"", "").trim())
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public boolean isAuthenticated() {
        return subject != null;
    }

    public boolean has(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role);
    }

    /** Passes when the caller has any of {@code allowed} (admin always does); otherwise 401 or 403. */
    public void require(Role... allowed) {
        if (!isAuthenticated()) {
            throw ApiProblem.unauthorized();
        }
        for (Role role : allowed) {
            if (has(role)) {
                return;
            }
        }
        throw ApiProblem.forbidden("this needs the role " + String.join(" or ",
                Arrays.stream(allowed).map(Role::wireName).toList()));
    }

    /** Any member may read: a caller with at least one role. */
    public void requireReader() {
        require(Role.VIEWER, Role.EDITOR, Role.APPROVER);
    }

    /**
     * Whether the caller may see personal data (contacts' addresses, names and attributes): those who work with
     * the audience — editors, approvers, admins. Viewers see campaigns, rounds, counts and metrics only.
     */
    public boolean maySeePersonalData() {
        return has(Role.EDITOR) || has(Role.APPROVER);
    }

    /** For every read that shows personal data: 401 without a caller, 403 for a viewer (or no role). */
    public void requirePersonalData() {
        if (!isAuthenticated()) {
            throw ApiProblem.unauthorized();
        }
        if (!maySeePersonalData()) {
            throw ApiProblem.forbidden("contacts' addresses and names are personal data: this needs the role "
                    + "editor, approver or admin");
        }
    }
}
