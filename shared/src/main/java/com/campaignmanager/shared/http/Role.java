package com.campaignmanager.shared.http;

import java.util.Locale;
import java.util.Optional;

/** What a team member may do. {@code admin} may do everything. */
public enum Role {
    /** Reads campaigns, rounds, lists, counts and metrics: everything but personal data (see Caller). */
    VIEWER,
    /** Creates and edits campaigns, rounds, lists and contacts. */
    EDITOR,
    /** Approves or rejects rounds and sends them now. */
    APPROVER,
    /** Everything, including team management. */
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A role from a token's group: the exact name, nothing else ({@code "Admin "} or {@code "admins"} is none). */
    public static Optional<Role> fromGroupName(String group) {
        for (Role role : values()) {
            if (role.wireName().equals(group)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
