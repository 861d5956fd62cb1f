package com.campaignmanager.functions.healthmonitor;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import javax.inject.Inject;
import javax.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The jobs' dead-letter queue ({@code JOBS_DEAD_LETTER_QUEUE_URL}): how many scheduled runs gave up after their
 * retries. Not configured (local runs) means nothing to watch; the client is built only when it is.
 */
final class DeadLetterQueue {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);

    private final Optional<String> queueUrl;
    private final Provider<SqsClient> sqs;

    @Inject
    DeadLetterQueue(DeadLetterQueueSettings settings, Provider<SqsClient> sqs) {
        this.queueUrl = settings.queueUrl().map(URI::toString);
        this.sqs = sqs;
    }

    /** Messages waiting in the queue; empty when it is not configured or cannot be read. */
    OptionalLong depth() {
        if (queueUrl.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            String count = sqs.get().getQueueAttributes(r -> r.queueUrl(queueUrl.get())
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return count == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(count));
        } catch (SdkException | NumberFormatException e) {
            LOG.warn("could not read the dead-letter queue: {}", e.getMessage());
            return OptionalLong.empty();
        }
    }
}
