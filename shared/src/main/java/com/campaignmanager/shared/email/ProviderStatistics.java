package com.campaignmanager.shared.email;

/**
 * What the provider counted for one round's campaign over its lifetime (Mailjet statcounters, message-based).
 *
 * @param processed    messages the provider processed ({@code Total})
 * @param delivered    accepted by the recipients' servers ({@code MessageSentCount})
 * @param blocked      refused before sending ({@code MessageBlockedCount})
 * @param uniqueOpens  messages opened at least once; {@code opens} counts every open (likewise clicks)
 */
public record ProviderStatistics(int processed, int delivered, int blocked, int opens, int uniqueOpens, int clicks,
                                 int uniqueClicks, int bounces, int complaints, int unsubscribes) {
}
