package com.campaignmanager.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The jar that is deployed, not the classes the other tests see: in a JVM of its own, configured only through
 * environment variables, a handler runs and logs Lambda-style JSON through Powertools.
 */
@ExtendWith(LocalDataApiExtension.class)
class DeployableJarTest {
    private static final Path JAR = Path.of("..", "functions", "target", "campaign-functions.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void handlerRunsFromTheShadedJarAndLogsJson() throws Exception {
        assertThat(JAR).as("built by the functions module before this one").exists();
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        String classpath = String.join(File.pathSeparator, JAR.toString(), "target/test-classes", "target/classes");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                DeployableJarProbe.class.getName()).redirectErrorStream(true);
        builder.environment().put("DB_CLUSTER_ARN", dataApi.clusterArn());
        builder.environment().put("DB_SECRET_ARN", dataApi.secretArn());
        builder.environment().put("DB_NAME", dataApi.database());
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("DATA_API_ENDPOINT", dataApi.endpoint().toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.environment().put("POWERTOOLS_SERVICE_NAME", "health-monitor");
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("RESULT {\"status\":\"ok\""));
        List<JsonNode> logs = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("{") && line.contains("\"message\"")) {
                logs.add(JSON.readTree(line));
            }
        }
        JsonNode healthLine = logs.stream().filter(l -> l.path("message").asText().startsWith("health: ok"))
                .findFirst().orElseThrow(() -> new AssertionError("no JSON log line in:\n" + String.join("\n", lines)));
        assertThat(healthLine.path("level").asText()).isEqualTo("INFO");
        assertThat(healthLine.path("service").asText()).isEqualTo("health-monitor");
        assertThat(healthLine.path("function_request_id").asText()).isEqualTo("probe-request");
        assertThat(healthLine.path("correlation_id").asText()).isEqualTo("probe-event");
        assertThat(healthLine.has("cold_start")).isTrue();
    }

    @Test
    void log4jPluginCachesAreMergedInTheShadedJar() throws Exception {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            var entry = jar.getEntry("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat");
            String cache = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(cache).contains("JsonTemplateLayout").contains("XmlConfigurationFactory").contains("Console");
        }
        assertThat(Files.size(JAR)).isLessThan(40L * 1024 * 1024);
    }
}
