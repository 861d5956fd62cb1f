package com.campaignmanager.functions.healthmonitor;

import com.campaignmanager.shared.config.Environment;
import java.net.URI;
import java.util.Optional;

/** @param queueUrl {@code JOBS_DEAD_LETTER_QUEUE_URL}, set by the template; unset (local runs) watches nothing */
record DeadLetterQueueSettings(Optional<URI> queueUrl) {
    static final String QUEUE_URL = "JOBS_DEAD_LETTER_QUEUE_URL";

    static DeadLetterQueueSettings from(Environment environment) {
        return new DeadLetterQueueSettings(environment.optionalUrl(QUEUE_URL));
    }
}
