package com.campaignmanager.shared.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The one SQS call the functions make - {@code GetQueueAttributes} for a queue's approximate depth - sent as the SQS
 * JSON protocol ({@code X-Amz-Target: AmazonSQS.GetQueueAttributes}) and signed with the SDK's SigV4 signer over our
 * HTTP client. The SQS client module would bring ~0.6 MB of classes into the deployable jar for this one request.
 *
 * <p>The request goes to the queue URL's own host (the regional SQS endpoint it was created on), or to
 * {@code SQS_ENDPOINT} when set (tests). IAM: {@code sqs:GetQueueAttributes} on the queue.
 */
public final class SqsQueues {
    static final String APPROXIMATE_NUMBER_OF_MESSAGES = "ApproximateNumberOfMessages";

    private final SqsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final ObjectMapper json;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public SqsQueues(SqsSettings settings, AwsCredentialsProvider credentials, SdkHttpClient http, ObjectMapper json) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = http;
        this.json = json;
    }

    /** The queue's {@code ApproximateNumberOfMessages}; throws {@link SqsCallException} when SQS does not answer it. */
    public long approximateNumberOfMessages(String queueUrl) {
        JsonNode answer = call("GetQueueAttributes",
                Map.of("QueueUrl", queueUrl, "AttributeNames", List.of(APPROXIMATE_NUMBER_OF_MESSAGES)));
        JsonNode count = answer.path("Attributes").path(APPROXIMATE_NUMBER_OF_MESSAGES);
        if (!count.isTextual()) {
            throw new SqsCallException("GetQueueAttributes answered no " + APPROXIMATE_NUMBER_OF_MESSAGES);
        }
        try {
            return Long.parseLong(count.asText());
        } catch (NumberFormatException e) {
            throw new SqsCallException("GetQueueAttributes answered " + APPROXIMATE_NUMBER_OF_MESSAGES + " "
                    + count.asText());
        }
    }

    private JsonNode call(String action, Map<String, Object> input) {
        URI queue = URI.create((String) input.get("QueueUrl"));
        URI endpoint = settings.endpoint().orElseGet(() -> URI.create(queue.getScheme() + "://" + queue.getRawAuthority()));
        byte[] body;
        try {
            body = json.writeValueAsBytes(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "AmazonSQS." + action)
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sqs")
                .putProperty(AwsV4HttpSigner.REGION_NAME, settings.region()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            JsonNode answer = read(response);
            if (!response.httpResponse().isSuccessful()) {
                // The JSON protocol's error shape: {"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": ...}
                throw new SqsCallException(action + " answered " + response.httpResponse().statusCode() + " "
                        + answer.path("__type").asText("") + " " + answer.path("message").asText(""));
            }
            return answer;
        } catch (IOException e) {
            throw new SqsCallException(action + " failed: " + e.getMessage());
        }
    }

    private JsonNode read(HttpExecuteResponse response) {
        if (response.responseBody().isEmpty()) {
            return json.missingNode();
        }
        try (InputStream in = response.responseBody().get()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? json.missingNode() : json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SqsCallException("unreadable SQS answer: " + e.getMessage());
        }
    }

    /** SQS did not answer the call as expected (unreachable, refused, or an answer without what was asked). */
    public static final class SqsCallException extends RuntimeException {
        SqsCallException(String message) {
            super(message);
        }
    }
}
