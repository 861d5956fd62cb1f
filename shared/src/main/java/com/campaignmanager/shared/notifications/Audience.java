package com.campaignmanager.shared.notifications;

import com.campaignmanager.shared.http.Role;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is told: active members with one of {@code roles}, the members named by id, and the people named by token
 * subject or email (as the audit trail records actors) — minus {@code excluded} (e.g. whoever did the thing).
 */
public record Audience(Set<String> roles, Set<UUID> memberIds, Set<String> people, Set<String> excluded) {
    public Audience {
        roles = Set.copyOf(roles);
        memberIds = Set.copyOf(memberIds);
        people = Set.copyOf(people);
        excluded = Set.copyOf(excluded);
    }

    public static Audience roles(Role... roles) {
        Set<String> names = new HashSet<>();
        for (Role role : roles) {
            names.add(role.wireName());
        }
        // Admins may do everything, so they hear about everything their team hears about.
        names.add(Role.ADMIN.wireName());
        return new Audience(names, Set.of(), Set.of(), Set.of());
    }

    public static Audience member(UUID memberId) {
        return new Audience(Set.of(), Set.of(memberId), Set.of(), Set.of());
    }

    public static Audience person(String actor) {
        return new Audience(Set.of(), Set.of(), actor == null ? Set.of() : Set.of(actor), Set.of());
    }

    public Audience and(Audience other) {
        return new Audience(union(roles, other.roles), union(memberIds, other.memberIds), union(people, other.people),
                union(excluded, other.excluded));
    }

    public Audience excluding(String actor) {
        return actor == null ? this : new Audience(roles, memberIds, people, union(excluded, Set.of(actor)));
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
