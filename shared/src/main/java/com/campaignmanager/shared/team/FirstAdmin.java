package com.campaignmanager.shared.team;

import com.campaignmanager.shared.config.Environment;
import java.util.Optional;

/**
 * {@code ADMIN_EMAIL}, optional: the address of the first admin, who becomes a member with the admin role the first
 * time they call with that address verified.
 */
public record FirstAdmin(Optional<String> email) {
    public static final String VARIABLE = "ADMIN_EMAIL";

    public FirstAdmin {
        email = email.map(String::strip).filter(s -> !s.isEmpty());
    }

    public static FirstAdmin from(Environment environment) {
        return new FirstAdmin(environment.optional(VARIABLE));
    }
}
