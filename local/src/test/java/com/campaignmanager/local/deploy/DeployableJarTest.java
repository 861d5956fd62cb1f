package com.campaignmanager.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.local.bench.LocalSchema;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** McpFunction's CodeUri: the MCP SDK, Reactor and the schema validator weigh on no other function. */
    private static final Path MCP_JAR = Path.of("..", "functions-mcp", "target", "campaign-mcp.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void handlerRunsFromTheShadedJarAndLogsJson() throws Exception {
        List<String> lines = runFromTheJar(DeployableJarProbe.class, "health-monitor", Map.of());

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
        JsonNode failure = logs.stream().filter(l -> l.path("message").asText().equals("probe failure")).findFirst()
                .orElseThrow(() -> new AssertionError("no failure line in:\n" + String.join("\n", lines)));
        assertThat(failure.path("level").asText()).isEqualTo("ERROR");
        assertThat(failure.at("/error/name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.at("/error/message").asText()).isEqualTo("probe boom");
        assertThat(failure.at("/error/stack").asText()).contains("at " + DeployableJarProbe.class.getName() + ".main");
    }

    @Test
    void primesInInitThenServesARequestAndFlushesItsMetrics() throws Exception {
        List<String> lines = runFromTheJar(PrimingProbe.class, "health", Map.of(), SNAPSHOT_DEEP);

        int serving = lines.indexOf("SERVING");
        assertThat(serving).as(String.join("\n", lines)).isNotNegative();
        List<String> init = lines.subList(0, serving);
        assertThat(init).as(String.join("\n", lines))
                .anyMatch(l -> l.contains("primed for a snapshot: 3 call(s) answered as expected, Data API path primed"));
        // Priming published no metric: its requests are not the function's.
        assertThat(init).noneMatch(l -> l.contains("\"_aws\""));
        assertThat(lines).anyMatch(l -> l.startsWith("RESULT 200 {\"status\":\"ok\""));
        JsonNode metrics = JSON.readTree(lines.subList(serving, lines.size()).stream()
                .filter(l -> l.contains("\"_aws\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no metrics flushed in:\n" + String.join("\n", lines))));
        // Powertools still flushes EMF metrics from the deployable jar, counting the one real request only.
        assertThat(metrics.path("Requests").asDouble()).isEqualTo(1.0);
        assertThat(metrics.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
                .isEqualTo("CampaignManager");
    }

    /**
     * What priming leaves to the first request, counted rather than timed: the classes it still loads. Priming must
     * have run the HTTP client's exchange (over its loopback Data API), the SDK's marshalling and signing, the JSON
     * writers and the route; the first request loads what only a real request has (its credentials, its Lambda
     * context's logging fields, the metrics sink) and little else.
     */
    @Test
    void theFirstRequestAfterPrimingLoadsAlmostNothingNew() throws Exception {
        List<String> lines = runFromTheJar(PrimingProbe.class, "health", Map.of(), SNAPSHOT_DEEP,
                "-Xlog:class+load=info:stdout");

        int serving = lines.indexOf("SERVING");
        int result = indexOfFirst(lines, l -> l.startsWith("RESULT 200"));
        assertThat(serving).as(String.join("\n", lines)).isNotNegative().isLessThan(result);
        List<String> loaded = classesLoaded(lines, serving, result);

        assertThat(loaded).as("classes the first request loaded").hasSizeLessThanOrEqualTo(30)
                .noneMatch(c -> c.startsWith("sun.net.www.") || c.startsWith("sun.nio.ch.")
                        || c.startsWith("software.amazon.awssdk.http.urlconnection.")
                        || c.startsWith("software.amazon.awssdk.services.rdsdata.transform.")
                        || c.startsWith("software.amazon.awssdk.http.auth.aws.")
                        || c.startsWith("com.fasterxml.jackson.databind.ser."));
    }

    @Test
    void anOnDemandInitPrimesEachPathOnceAndLeavesTheDataApiPathToTheFirstRequest() throws Exception {
        List<String> lines = runFromTheJar(PrimingProbe.class, "health", Map.of());

        List<String> init = lines.subList(0, lines.indexOf("SERVING"));
        assertThat(init).as(String.join("\n", lines))
                .anyMatch(l -> l.contains("primed on demand: 1 call(s) answered as expected, Data API path left to the first request"));
        assertThat(lines).anyMatch(l -> l.startsWith("RESULT 200 {\"status\":\"ok\""));
    }

    @Test
    void theInitLoadsTheListedClassesOnASecondThreadAndWaitsForIt() throws Exception {
        List<String> lines = runFromTheJar(PrimingProbe.class, "health", Map.of());

        List<String> init = lines.subList(0, lines.indexOf("SERVING"));
        String report = init.stream().filter(l -> l.contains("parallel start: ")).findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", lines)));
        Matcher counts = Pattern.compile("parallel start: (\\d+) class\\(es\\) loaded, (\\d+) not found, TLS ready")
                .matcher(report);
        assertThat(counts.find()).as(report).isTrue();
        assertThat(Integer.parseInt(counts.group(1))).isGreaterThan(1_000);
        assertThat(Integer.parseInt(counts.group(2))).isZero();

        List<String> serial = runFromTheJar(PrimingProbe.class, "health", Map.of(),
                "-Dcampaignmanager.parallel-start=off");
        assertThat(serial).noneMatch(l -> l.contains("parallel start")).anyMatch(l -> l.startsWith("RESULT 200"));
    }

    @Test
    void theInitASnapshotIsTakenOfLeavesPrimingToTheCheckpoint() throws Exception {
        // SnapStart's init is followed by beforeCheckpoint, which primes for the snapshot: priming here too would
        // only lengthen every publication.
        List<String> lines = runFromTheJar(PrimingProbe.class, "health",
                Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"));

        assertThat(lines.subList(0, lines.indexOf("SERVING"))).as(String.join("\n", lines))
                .noneMatch(l -> l.contains("primed"));
        assertThat(lines).anyMatch(l -> l.startsWith("RESULT 200 {\"status\":\"ok\""));
    }

    /**
     * McpFunction from its own jar: primed for a snapshot (the JSON-RPC messages and the made-up tool result
     * included), it serves a signed-in tool call, and that call loads little: the transport, the SDK's server, the
     * schema validator and the result's serialisers were primed, none of it through the database.
     */
    @Test
    void mcpFunctionsJarPrimesForASnapshotThenAnswersAToolCallLoadingAlmostNothingNew() throws Exception {
        String database = migratedDatabase("mcp_jar");
        List<String> lines = runFromTheJar(MCP_JAR, McpPrimingProbe.class, "mcp", Map.of("DB_NAME", database,
                "ADMIN_EMAIL", "mcp-jar-admin@example.com",
                "JWT_ISSUER", "https://issuer.test.example", "PUBLIC_API_URL", "https://api.test.example",
                "UNSUBSCRIBE_SIGNING_KEY", "test-unsubscribe-signing-key-for-the-mcp-jar"),
                SNAPSHOT_DEEP, "-Xlog:class+load=info:stdout");

        int serving = lines.indexOf("SERVING");
        int result = indexOfFirst(lines, l -> l.startsWith("RESULT "));
        assertThat(serving).as(String.join("\n", lines)).isNotNegative().isLessThan(result);
        assertThat(lines.subList(0, serving)).as(String.join("\n", lines))
                .anyMatch(l -> l.contains("primed for a snapshot: 8 call(s) answered as expected, Data API path primed"))
                .noneMatch(l -> l.contains("\"_aws\""));
        assertThat(lines.get(result)).startsWith("RESULT 200 ").contains("\"isError\":false");
        assertThat(classesLoaded(lines, serving, result)).as("classes the first tool call loaded")
                .hasSizeLessThanOrEqualTo(30)
                .noneMatch(c -> c.startsWith("io.modelcontextprotocol.") || c.startsWith("reactor.")
                        || c.startsWith("com.networknt.") || c.startsWith("com.fasterxml.jackson.databind.ser.")
                        || c.startsWith("jdk.proxy"));
    }

    /** A database of its own with the schema, for a function that reads the team (isolation by data). */
    private static String migratedDatabase(String prefix) {
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        String database = dataApi.createDatabase(prefix);
        LocalSchema.migrate(dataApi, database);
        return database;
    }

    /** The classes loaded between two lines of the output, less lambda forms and the JDK's reflection accessors. */
    private static List<String> classesLoaded(List<String> lines, int from, int to) {
        return lines.subList(from, to).stream()
                .filter(l -> l.contains("[class,load]"))
                .map(l -> l.substring(l.indexOf("]", l.indexOf("[class,load]")) + 1).trim().split(" ")[0])
                // Lambda forms, and Java 17's reflection accessors (Java 21, Lambda's runtime, has none).
                .filter(c -> !c.contains("$$Lambda") && !c.startsWith("java.lang.invoke.")
                        && !c.startsWith("jdk.internal.reflect.Generated"))
                .toList();
    }

    private static int indexOfFirst(List<String> lines, Predicate<String> matching) {
        for (int i = 0; i < lines.size(); i++) {
            if (matching.test(lines.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such line in:\n" + String.join("\n", lines));
    }

    /** Primes the init as a checkpoint would: the first request is then the one after a restore. */
    private static final String SNAPSHOT_DEEP = "-Dcampaignmanager.priming=snapshot";

    private static List<String> runFromTheJar(Class<?> probe, String service, Map<String, String> environment,
                                              String... jvmArgs) throws Exception {
        return runFromTheJar(JAR, probe, service, environment, jvmArgs);
    }

    private static List<String> runFromTheJar(Path jar, Class<?> probe, String service, Map<String, String> environment,
                                              String... jvmArgs) throws Exception {
        assertThat(jar).as("built by its module before this one").exists();
        LocalDataApi dataApi = LocalDataApiExtension.dataApi();
        String classpath = String.join(File.pathSeparator, jar.toString(), "target/test-classes", "target/classes");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", classpath, probe.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DB_CLUSTER_ARN", dataApi.clusterArn());
        builder.environment().put("DB_SECRET_ARN", dataApi.secretArn());
        builder.environment().put("DB_NAME", dataApi.database());
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("DATA_API_ENDPOINT", dataApi.endpoint().toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.environment().put("POWERTOOLS_SERVICE_NAME", service);
        // As Lambda sets it: the EMF library then writes metrics to stdout (elsewhere, to a CloudWatch agent).
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", service);
        // As template.yaml sets it: priming then resolves EMF's environment, and must still publish no metric.
        builder.environment().put("AWS_EMF_ENVIRONMENT", "Lambda");
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    @Test
    void theShadedJarHasOnePluginCacheOfThePluginsTheFunctionsUse() throws Exception {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            var entry = jar.getEntry("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat");
            String cache = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.ISO_8859_1);

            // One cache of the plugins the functions use, from log4j-core, its JSON layout and Powertools.
            assertThat(cache).contains("PowertoolsResolverFactory").contains("TimestampResolverFactory")
                    .doesNotContain("PropertiesConfigurationFactory").doesNotContain("XmlConfigurationFactory")
                    .doesNotContain("ConsoleAppender");
        }
        // The performance issue's target for the deployable jar (upload, download and unzip at every cold start).
        assertThat(Files.size(JAR)).as("deployable jar bytes").isLessThanOrEqualTo(10L * 1024 * 1024);
    }
}
