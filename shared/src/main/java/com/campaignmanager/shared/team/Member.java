package com.campaignmanager.shared.team;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A person on the team: their role decides what they may do, their preferences how they are told. */
public record Member(UUID id, String email, String subject, String name, String role, String slackUserId,
                     Map<String, ChannelChoice> preferences, boolean active, Instant createdAt, Instant updatedAt) {
    public Member {
        preferences = preferences == null ? Map.of() : Map.copyOf(preferences);
    }
}
