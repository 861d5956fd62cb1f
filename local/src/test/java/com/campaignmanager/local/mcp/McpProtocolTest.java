package com.campaignmanager.local.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.auth.LocalAuthConfig;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.local.serve.LocalRunnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MCP endpoint's transport by raw HTTP against the local runner, where a client library would hide it: the
 * status codes and JSON-RPC errors of Streamable HTTP (stateless), version negotiation, and what is refused.
 */
@ExtendWith(LocalDataApiExtension.class)
class McpProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BOTH = "application/json, text/event-stream";
    private static URI base;
    private static String token;

    @BeforeAll
    static void runner() {
        base = LocalRunnerFixture.running().endpoint();
        token = McpFixture.token("mcp-protocol", "viewer");
    }

    private static HttpResponse<String> post(String body, String... headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", "Bearer " + token);
        all.put("Accept", BOTH);
        all.put("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] == null) {
                all.remove(headers[i]);
            } else {
                all.put(headers[i], headers[i + 1]);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/mcp")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String initialize(String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** A JSON-RPC error answered with {@code status}, and its code. */
    private static int rpcError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonNode body = json(response);
        assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.path("error").path("message").asText()).isNotBlank();
        return body.path("error").path("code").asInt();
    }

    @Test
    void initializeAnswersJsonWithTheServerAndNoSession() throws Exception {
        HttpResponse<String> response = post(initialize("2025-11-25"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("mcp-session-id")).isEmpty();
        JsonNode result = json(response).get("result");
        assertThat(json(response).get("id").asInt()).isEqualTo(1);
        assertThat(result.get("protocolVersion").asText()).isEqualTo("2025-11-25");
        assertThat(result.at("/serverInfo/name").asText()).isEqualTo("campaign-manager");
        assertThat(result.at("/capabilities/tools").isObject()).isTrue();
        assertThat(result.get("instructions").asText()).contains("find_sends").contains("four eyes");
    }

    @Test
    void theClientsVersionIsAnsweredWhenSupportedAndTheLatestOtherwise() throws Exception {
        for (String version : new String[] {"2025-06-18", "2025-03-26"}) {
            assertThat(json(post(initialize(version))).at("/result/protocolVersion").asText()).isEqualTo(version);
        }
        assertThat(json(post(initialize("2024-11-05"))).at("/result/protocolVersion").asText())
                .isEqualTo("2025-11-25");
    }

    @Test
    void anUnsupportedProtocolVersionHeaderIs400() throws Exception {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"ping\"}";

        assertThat(rpcError(post(ping, "MCP-Protocol-Version", "1999-01-01"), 400)).isEqualTo(-32600);
        assertThat(json(post(ping, "MCP-Protocol-Version", "2025-06-18")).get("result").isObject()).isTrue();
        // Without the header, a server assumes 2025-03-26, which it speaks.
        assertThat(json(post(ping)).get("id").asText()).isEqualTo("p");
    }

    @Test
    void notificationsAndResponsesAre202WithoutABody() throws Exception {
        HttpResponse<String> initialized = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        HttpResponse<String> response = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");

        assertThat(initialized.statusCode()).isEqualTo(202);
        assertThat(initialized.body()).isEmpty();
        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void pingAnswersAnEmptyResult() throws Exception {
        JsonNode answer = json(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}"));

        assertThat(answer.get("result").isEmpty()).isTrue();
        assertThat(answer.has("error")).isFalse();
    }

    @Test
    void theAcceptHeaderMustListJsonAndEventStream() throws Exception {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}";

        rpcError(post(ping, "Accept", "application/json"), 400);
        rpcError(post(ping, "Accept", null), 400);
        assertThat(post(ping, "Accept", "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotOneJsonRpcMessageIs400() throws Exception {
        assertThat(rpcError(post("{\"jsonrpc\":\"2.0\",\"id\":1,"), 400)).isEqualTo(-32700);
        assertThat(rpcError(post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"), 400)).isEqualTo(-32600);
        assertThat(json(post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")).at("/error/message").asText())
                .contains("batch");
        assertThat(rpcError(post("{\"id\":1,\"method\":\"ping\"}"), 400)).isEqualTo(-32600);
        assertThat(rpcError(post("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"), 400)).isEqualTo(-32600);
        assertThat(rpcError(post("\"ping\""), 400)).isEqualTo(-32600);
        assertThat(rpcError(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "Content-Type", "text/plain"),
                415)).isEqualTo(-32600);
    }

    @Test
    void unknownMethodsToolsAndMalformedArgumentsAreJsonRpcErrors() throws Exception {
        JsonNode method = json(post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/list\"}"));
        JsonNode tool = json(post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"send_round_now\",\"arguments\":{}}}"));
        JsonNode missing = json(post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"find_sends\",\"arguments\":{\"from\":\"2025-10-01\"}}}"));
        JsonNode wrongType = json(post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"find_sends\",\"arguments\":{\"from\":\"2025-10-01\",\"to\":\"2025-10-02\",\"limit\":\"ten\"}}}"));
        JsonNode noName = json(post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{}}"));

        assertThat(method.at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(tool.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(missing.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(missing.at("/error/message").asText()).contains("to");
        assertThat(wrongType.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(noName.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(noName.get("id").asInt()).isEqualTo(5);
    }

    @Test
    void aRequestFromAnotherOriginIs403() throws Exception {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}";

        rpcError(post(ping, "Origin", "https://evil.example"), 403);
        // No front end is configured locally (APP_URL is empty): no web page may call, not even this machine's.
        rpcError(post(ping, "Origin", base.toString()), 403);
        rpcError(post(ping, "Origin", "null"), 403);
    }

    @Test
    void getAndDeleteAre405AndATokenIsRequired() throws Exception {
        for (String method : new String[] {"GET", "DELETE"}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/mcp"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("allow")).contains("POST");
        }
        HttpResponse<String> anonymous = post(initialize("2025-11-25"), "Authorization", null);
        HttpResponse<String> forged = post(initialize("2025-11-25"), "Authorization", "Bearer " + token.substring(0,
                token.length() - 4) + "AAAA");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void theProtectedResourceMetadataIsPublicAndNamesTheIssuer() throws Exception {
        for (String path : new String[] {"/.well-known/oauth-protected-resource",
                "/.well-known/oauth-protected-resource/mcp"}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode metadata = json(response);
            // The runner's PUBLIC_API_URL (here on an ephemeral port, which it learns only after it is set).
            assertThat(URI.create(metadata.get("resource").asText()).getPath()).isEqualTo("/mcp");
            assertThat(metadata.get("authorization_servers")).extracting(JsonNode::asText)
                    .containsExactly(LocalAuthConfig.DEFAULT_ISSUER);
            assertThat(metadata.get("bearer_methods_supported")).extracting(JsonNode::asText).containsExactly("header");
        }
    }
}
