package com.campaignmanager.shared.observability;

import com.campaignmanager.shared.config.Environment;

/** @param metricsNamespace {@code POWERTOOLS_METRICS_NAMESPACE}, the CloudWatch namespace (default CampaignManager) */
public record ObservabilitySettings(String metricsNamespace) {
    public static final String METRICS_NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";
    public static final ObservabilitySettings DEFAULT = new ObservabilitySettings("CampaignManager");

    public static ObservabilitySettings from(Environment environment) {
        return environment.optional(METRICS_NAMESPACE).map(ObservabilitySettings::new).orElse(DEFAULT);
    }
}
