package com.campaignmanager.local.template;

/** A {@code Schedule} (EventBridge) event of a function. */
public record ScheduleDefinition(String functionLogicalId, String eventName, String expression, boolean enabled) {
}
