package com.campaignmanager.functions.healthmonitor;

import com.campaignmanager.shared.aws.SqsQueues;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import javax.inject.Inject;
import javax.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The jobs' dead-letter queue ({@code JOBS_DEAD_LETTER_QUEUE_URL}): how many scheduled runs gave up after their
 * retries. Not configured (local runs) means nothing to watch; the SQS access is built only when it is.
 */
final class DeadLetterQueue {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);

    private final Optional<String> queueUrl;
    private final Provider<SqsQueues> sqs;

    @Inject
    DeadLetterQueue(DeadLetterQueueSettings settings, Provider<SqsQueues> sqs) {
        this.queueUrl = settings.queueUrl().map(URI::toString);
        this.sqs = sqs;
    }

    /** Messages waiting in the queue; empty when it is not configured or cannot be read. */
    OptionalLong depth() {
        if (queueUrl.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(sqs.get().approximateNumberOfMessages(queueUrl.get()));
        } catch (SqsQueues.SqsCallException | SdkException | UncheckedIOException e) {
            // SdkException: the credentials could not be resolved.
            LOG.warn("could not read the dead-letter queue: {}", e.getMessage());
            return OptionalLong.empty();
        }
    }
}
