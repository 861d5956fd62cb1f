package com.campaignmanager.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilderException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class AmazonTrustAnchorsTest {
    /** SHA-256 of the five roots, as https://www.amazontrust.com/repository/ publishes them. */
    private static final List<String> PUBLISHED = List.of(
            "8ecde6884f3d87b1125ba31ac3fcb13d7016de7f57cc904fe1cb97c6ae98196e", // Amazon Root CA 1
            "1ba5b2aa8c65401a82960118f80bec4f62304d83cec4713a19c39c011ea46db4", // Amazon Root CA 2
            "18ce6cfe7bf14e60b2e347b8dfe868cb31d02ebb3ada271569f50343b46db3a4", // Amazon Root CA 3
            "e35d28419ed02025cfa69038cd623962458da5c695fbdea3c22b0bfb25897092", // Amazon Root CA 4
            "568d6905a2c88708a4b3025190edcfedb1974a606a13c6e5290fcb2ae63edab5"); // Starfield Services Root CA - G2

    @Test
    void trustsExactlyThePublishedRootsOfAmazonTrustServices() throws Exception {
        X509Certificate[] issuers = x509(AmazonTrustAnchors.trustManagers()).getAcceptedIssuers();

        List<String> fingerprints = Arrays.stream(issuers).map(AmazonTrustAnchorsTest::sha256).toList();
        assertThat(fingerprints).containsExactlyInAnyOrderElementsOf(PUBLISHED);
        assertThat(issuers).allSatisfy(root -> {
            assertThat(root.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
            assertThat(root.getNotAfter().toInstant()).as("valid for years yet")
                    .isAfter(Instant.now().plus(Duration.ofDays(365 * 10)));
        });
    }

    @Test
    void theDataApiClientRefusesAServerWhoseCertificateNoAmazonRootIssued(@TempDir Path dir) throws Exception {
        Path keys = selfSignedKeyStore(dir);
        HttpsServer server = server(keys);
        try (SdkHttpClient client = RdsDataClientFactory.httpClient(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> get(client, server)).isInstanceOf(SSLHandshakeException.class)
                    .hasRootCauseInstanceOf(CertPathBuilderException.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTrustStoreTheOperatorNamesIsTrustedInstead(@TempDir Path dir) throws Exception {
        Path keys = selfSignedKeyStore(dir);
        Path trusted = dir.resolve("trusted.jks");
        keytool("-exportcert", "-alias", "server", "-keystore", keys.toString(), "-storepass", "changeit",
                "-file", dir.resolve("server.cer").toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", dir.resolve("server.cer").toString(),
                "-storetype", "JKS", "-keystore", trusted.toString(), "-storepass", "changeit");
        HttpsServer server = server(keys);
        String before = System.getProperty(AmazonTrustAnchors.TRUST_STORE_PROPERTY);
        System.setProperty(AmazonTrustAnchors.TRUST_STORE_PROPERTY, trusted.toString());
        try (SdkHttpClient client = RdsDataClientFactory.httpClient(Duration.ofSeconds(5))) {
            assertThat(AmazonTrustAnchors.trustManagers()).as("the JDK's default trust, which reads that store").isNull();
            assertThat(get(client, server)).isEqualTo(204);
        } finally {
            server.stop(0);
            if (before == null) {
                System.clearProperty(AmazonTrustAnchors.TRUST_STORE_PROPERTY);
            } else {
                System.setProperty(AmazonTrustAnchors.TRUST_STORE_PROPERTY, before);
            }
        }
    }

    @Test
    void everyCallerGetsItsOwnArray() {
        TrustManager[] first = AmazonTrustAnchors.trustManagers();
        first[0] = null;

        assertThat(AmazonTrustAnchors.trustManagers()[0]).isNotNull();
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        assertThat(managers).hasSize(1).allMatch(X509TrustManager.class::isInstance);
        return (X509TrustManager) managers[0];
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int get(SdkHttpClient client, HttpsServer server) throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://localhost:" + server.getAddress().getPort() + "/")).build();
        return client.prepareRequest(HttpExecuteRequest.builder().request(request).build()).call()
                .httpResponse().statusCode();
    }

    private static HttpsServer server(Path keys) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keys)));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A key and a certificate for localhost, signed by itself, as the JDK's keytool makes them. */
    private static Path selfSignedKeyStore(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit",
                "-keypass", "changeit");
        return store;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
    }

    private static SSLContext serverContext(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}
