package com.campaignmanager.shared.priming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.aws.RdsDataClientFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class LoopbackDataApiTest {

    private static String post(SdkHttpClient http, LoopbackDataApi api, String path) throws IOException {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(api.endpoint().resolve(path))
                        .putHeader("Content-Length", Integer.toString(body.length)).build())
                .contentStreamProvider(() -> new ByteArrayInputStream(body))
                .build()).call();
        try (InputStream in = response.responseBody().orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void answersEachOperationByItsPathThenClosesWithTheLastAnswer() throws Exception {
        LoopbackDataApi api = LoopbackDataApi.start(
                path -> ("answer to " + path).getBytes(StandardCharsets.UTF_8), 3).orElseThrow();
        try (SdkHttpClient http = RdsDataClientFactory.httpClient(Duration.ofSeconds(2))) {
            assertThat(post(http, api, "/BeginTransaction")).isEqualTo("answer to /BeginTransaction");
            assertThat(post(http, api, "/Execute")).isEqualTo("answer to /Execute");
            assertThat(post(http, api, "/CommitTransaction")).isEqualTo("answer to /CommitTransaction");
        }
        assertThat(api.answered()).isEqualTo(3);

        // Done: nothing listens any more, so nothing of it outlives priming (or sits in a snapshot).
        assertThat(api.awaitClosed(Duration.ofSeconds(5))).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", api.endpoint().getPort()).close())
                .isInstanceOf(ConnectException.class);
    }
}
