package com.campaignmanager.shared.aws;

import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import java.net.URI;
import java.util.Optional;

/**
 * How a function reaches SQS.
 *
 * @param region   {@code AWS_REGION}, set by Lambda
 * @param endpoint {@code SQS_ENDPOINT}, only to point the client elsewhere (tests)
 */
public record SqsSettings(String region, Optional<URI> endpoint) {
    public static final String ENDPOINT = "SQS_ENDPOINT";

    public static SqsSettings from(Environment environment) {
        return new SqsSettings(environment.required(DatabaseSettings.REGION), environment.optionalUrl(ENDPOINT));
    }
}
