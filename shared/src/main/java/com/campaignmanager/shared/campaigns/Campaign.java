package com.campaignmanager.shared.campaigns;

import java.time.Instant;
import java.util.UUID;

public record Campaign(UUID id, String name, String description, String fromEmail, String fromName, String replyTo,
                       String timezone, CampaignStatus status, String createdBy, Instant createdAt, Instant updatedAt) {
}
