package com.campaignmanager.shared.audience;

import java.time.Instant;
import java.util.UUID;

/** An address that is never mailed; {@code email} is null once the person was erased (only its hash is kept). */
public record Suppression(String email, String reason, String source, UUID roundId, Instant createdAt) {
}
