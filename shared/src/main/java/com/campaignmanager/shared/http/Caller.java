package com.campaignmanager.shared.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from the JWT claims the API Gateway authorizer verified and passed on: {@code sub},
 * {@code email} (with {@code email_verified}), and roles from the groups claim ({@code cognito:groups} unless a
 * deployment names another, see {@link RolesClaim}). When the caller is a team member ({@link CallerDirectory}),
 * {@code memberId} names the member, {@code email} is the member's address, and the member's role replaces the
 * token's.
 */
public record Caller(String subject, String email, boolean emailVerified, Set<Role> roles, UUID memberId) {
    /** Built on first use: only a JSON-array groups claim (not API Gateway's) needs it, and init stays lighter. */
    private static final class GroupsJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public Caller(String subject, String email, Set<Role> roles) {
        this(subject, email, false, roles, null);
    }

    public static final Caller ANONYMOUS = new Caller(null, null, Set.of());

    /** The same person as the team member {@code memberId} with that member's address and {@code roles}. */
    public Caller asMember(UUID memberId, String memberEmail, Set<Role> roles) {
        return new Caller(subject, memberEmail, true, roles, memberId);
    }

    /** The member id of a caller who must be an active team member (their inbox, their tasks); 403 otherwise. */
    public UUID requireMember() {
        if (!isAuthenticated()) {
            throw ApiProblem.unauthorized();
        }
        if (memberId == null) {
            throw ApiProblem.forbidden("this needs you to be a team member; ask an admin to add "
                    + (email != null ? email : "you"));
        }
        if (roles.isEmpty()) {
            throw ApiProblem.forbidden("your team membership is deactivated");
        }
        return memberId;
    }

    /**
     * Who did it, for audit trails and "submitted by": a member's address from the team, a verified address
     * from the token, else the token's subject. An unverified e-mail claim is never shown as someone's name.
     */
    public String actor() {
        return email != null && emailVerified ? email : "sub:" + subject;
    }

    /**
     * The keys that identify this person for four-eyes rules: the subject, and the member when there is one. A
     * member is bound to exactly one subject, so the keys of one person never change, whatever their token
     * carries (an access token has no e-mail); two people never share one.
     */
    public Set<String> identities() {
        Set<String> keys = new LinkedHashSet<>();
        if (subject != null) {
            keys.add("subject:" + subject);
        }
        if (memberId != null) {
            keys.add("member:" + memberId);
        }
        return Set.copyOf(keys);
    }

    /** From the token's claims, with roles read from {@code cognito:groups} only. */
    public static Caller fromClaims(Map<String, String> claims) {
        return fromClaims(claims, RolesClaim.DEFAULT);
    }

    /** From the token's claims, with roles read from the one claim the deployment trusts. */
    public static Caller fromClaims(Map<String, String> claims, RolesClaim rolesClaim) {
        if (claims == null || claims.get("sub") == null || claims.get("sub").isBlank()) {
            return ANONYMOUS;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        String value = claims.get(rolesClaim.name());
        if (value != null) {
            for (String name : groupNames(value)) {
                Role.fromGroupName(name).ifPresent(roles::add);
            }
        }
        String email = claims.get("email");
        boolean verified = "true".equals(claims.get("email_verified"));
        return new Caller(claims.get("sub"), email == null || email.isBlank() ? null : email.strip(), verified,
                roles, null);
    }

    /**
     * The group names of a list claim, exactly. API Gateway passes a list as {@code [admin editor]} (Cognito group
     * names hold no white space); other issuers give a JSON array ({@code ["admin","editor"]}). Anything else is
     * one name as it stands: {@code "Former admin"} or {@code "editor,admin"} is one (unknown) group.
     */
    static List<String> groupNames(String value) {
        String text = value.strip();
        if (text.startsWith("[\"") || text.equals("[]")) {
            try {
                return GroupsJson.MAPPER.readValue(text, new TypeReference<List<String>>() { });
            } catch (Exception e) {
                return List.of();
            }
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            return Arrays.stream(text.substring(1, text.length() - 1).split(" ")).filter(s -> !s.isEmpty()).toList();
        }
        return List.of(value);
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
