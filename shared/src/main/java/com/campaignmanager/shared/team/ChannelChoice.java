package com.campaignmanager.shared.team;

/** A member's channels for one notification type; a null channel keeps the type's default. */
public record ChannelChoice(Boolean inApp, Boolean email, Boolean slack) {
}
