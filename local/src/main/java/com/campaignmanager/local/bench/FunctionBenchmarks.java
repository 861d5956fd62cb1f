package com.campaignmanager.local.bench;

import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.template.FunctionDefinition;
import com.campaignmanager.local.template.SamTemplate;
import com.campaignmanager.shared.config.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipFile;

/**
 * The part of {@code bench-cold-start} that measures every function of template.yaml: each in new JVMs, with and
 * without priming, interleaved; one representative request per function (an API read as the first admin, or the
 * job on its schedule's event) against a migrated database.
 */
final class FunctionBenchmarks {
    static final String SECTION = "cold-start-functions";
    static final int WARM = 50;

    /** What each API function is asked: a read every caller makes, so that it needs no data to exist. */
    static final Map<String, List<String>> API_REQUESTS = Map.of(
            "HealthFunction", List.of("GET /health", "/health"),
            "CampaignsFunction", List.of("GET /campaigns", "/campaigns"),
            "ListsFunction", List.of("GET /lists", "/lists"),
            // One open, as Mailjet posts it: the first request stores it, the next ones are the resends Mailjet makes.
            "MailjetEventsFunction", List.of("POST /webhooks/mailjet", "/webhooks/mailjet", "{\"event\":\"open\","
                    + "\"time\":1796190000,\"MessageID\":19421777835146490,\"Message_GUID\":\"bench-message-guid\","
                    + "\"email\":\"reader@example.com\",\"mj_campaign_id\":7173,\"mj_contact_id\":320,"
                    + "\"customcampaign\":\"bench\",\"CustomID\":\"bench\",\"ip\":\"127.0.0.1\",\"geo\":\"FR\","
                    + "\"agent\":\"bench\"}"),
            "NotificationsFunction", List.of("GET /notifications", "/notifications"),
            "SearchFunction", List.of("GET /search", "/search?q=bench"),
            "TasksFunction", List.of("GET /tasks", "/tasks"),
            "TeamFunction", List.of("GET /me", "/me"),
            // A tool call as an assistant makes it; a tool's failure is a 200 too, so the answer must say it is none.
            "McpFunction", List.of("POST /mcp", "/mcp", McpProbe.LIST_CAMPAIGNS, "\"isError\":false"));

    /** {@code snapshot}: primed as before a checkpoint, so the first request is the one after a restore. */
    record Result(String function, String jar, boolean api, List<Map<String, Long>> snapshot,
                  List<Map<String, Long>> onDemand, List<Map<String, Long>> unprimed, Map<String, Long> endurance) {
    }

    interface Launcher {
        Map<String, Long> launch(String name, List<String> jvmArgs, List<String> classpath, String mainClass,
                                 List<String> args, Map<String, String> environment) throws IOException, InterruptedException;
    }

    private FunctionBenchmarks() {
    }

    static void migrate(LocalDataApi dataApi) {
        LocalSchema.migrate(dataApi, dataApi.database());
    }

    /**
     * Each function from the jar its CodeUri names: the first of {@code jars} that holds its handler
     * ({@code campaign-functions.jar}, then McpFunction's own), with the probes after it on the class path.
     */
    static List<Result> run(SamTemplate template, Set<String> only, int runs, int endurance, List<Path> jars,
                            Path probes, Map<String, String> database, Launcher launcher)
            throws IOException, InterruptedException {
        Map<FunctionDefinition, Path> functions = new LinkedHashMap<>();
        for (Path jar : jars) {
            for (FunctionDefinition function : functionsInJar(template, only, jar)) {
                functions.putIfAbsent(function, jar);
            }
        }
        List<Result> results = new ArrayList<>();
        for (FunctionDefinition function : functions.keySet().stream()
                .sorted((a, b) -> a.logicalId().compareTo(b.logicalId())).toList()) {
            List<String> classpath = List.of(functions.get(function).toString(), probes.toString());
            Map<String, String> environment = environment(function, database);
            List<String> primedArgs = probeArgs(function, WARM);
            List<String> snapshotDeep = List.of("-Dcampaignmanager.priming=snapshot");
            List<String> off = List.of("-Dcampaignmanager.priming=off");
            launcher.launch(function.logicalId(), List.of(), classpath, FunctionProbe.class.getName(), primedArgs,
                    environment); // warm the page cache; not counted
            List<Map<String, Long>> snapshot = new ArrayList<>();
            List<Map<String, Long>> onDemand = new ArrayList<>();
            List<Map<String, Long>> unprimed = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                snapshot.add(launcher.launch(function.logicalId(), snapshotDeep, classpath,
                        FunctionProbe.class.getName(), primedArgs, environment));
                onDemand.add(launcher.launch(function.logicalId(), List.of(), classpath,
                        FunctionProbe.class.getName(), primedArgs, environment));
                unprimed.add(launcher.launch(function.logicalId(), off, classpath,
                        FunctionProbe.class.getName(), primedArgs, environment));
            }
            Map<String, Long> rss = launcher.launch(function.logicalId(), List.of(), classpath,
                    FunctionProbe.class.getName(), probeArgs(function, endurance), environment);
            results.add(new Result(function.logicalId(), functions.get(function).getFileName().toString(),
                    API_REQUESTS.containsKey(function.logicalId()), snapshot, onDemand, unprimed, rss));
            System.err.printf("%s done%n", function.logicalId());
        }
        return results;
    }

    /** The functions deployed from this jar, by name: McpFunction has its own (the mcp variant measures it). */
    static List<FunctionDefinition> functionsInJar(SamTemplate template, Set<String> only, Path jar) {
        return template.functions().values().stream()
                .filter(f -> only.isEmpty() || only.contains(f.logicalId()))
                .filter(f -> inJar(jar, f.handlerClass()))
                .sorted((a, b) -> a.logicalId().compareTo(b.logicalId()))
                .toList();
    }

    private static boolean inJar(Path jar, String className) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(className.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> probeArgs(FunctionDefinition function, int warm) {
        List<String> args = new ArrayList<>(List.of(function.handlerClass(), Integer.toString(warm)));
        List<String> request = API_REQUESTS.get(function.logicalId());
        if (request == null) {
            args.add("job");
        } else {
            // A public route's requests carry no token claims on AWS (no authorizer runs), so no team lookup either.
            boolean authorized = function.routes().stream().filter(r -> r.routeKey().equals(request.get(0)))
                    .findFirst().orElseThrow(() -> new IllegalStateException(request.get(0) + " is not a route of "
                            + function.logicalId())).authorized();
            args.add(authorized ? "api" : "api-public");
            args.addAll(request);
        }
        return args;
    }

    /** The template's variables for the function, the database here, the deploy parameters' local stand-ins. */
    static Map<String, String> environment(FunctionDefinition function, Map<String, String> database) {
        Map<String, String> env = new TreeMap<>(function.environment());
        env.putAll(database);
        env.put("UNSUBSCRIBE_SIGNING_KEY", "local-unsubscribe-signing-key-not-for-production");
        env.put("MAILJET_WEBHOOK_USER", "mailjet");
        env.put("MAILJET_WEBHOOK_PASSWORD", "local-webhook-secret");
        env.put("PUBLIC_API_URL", "http://127.0.0.1:3000");
        // McpFunction's: its protected-resource metadata names the token issuer (Cognito's on AWS).
        env.put("JWT_ISSUER", "https://campaign-manager.local/issuer");
        env.put("ADMIN_EMAIL", FunctionProbe.ADMIN_EMAIL);
        env.put("EMAIL_PROVIDER", "outbox");
        // As Lambda sets it: Powertools' metrics then go to stdout, not to a CloudWatch agent's socket.
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.put("POWERTOOLS_SERVICE_NAME", function.logicalId());
        return env;
    }

    static String report(List<Result> results, int runs, int endurance, List<Path> jars, List<String> jvmFlags)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(BenchmarkDoc.begin(SECTION)).append('\n');
        md.append("## Every function: init, first request, warm requests, memory\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" on ").append(BenchmarkDoc.machine())
                .append(", **a machine shared with other builds** (compare ratios, not milliseconds); ")
                .append(runs).append(" runs per function and mode, interleaved, after one uncounted run; JVM flags `")
                .append(String.join(" ", jvmFlags))
                .append("`. Rerun: `java -jar local/target/campaign-local.jar bench-cold-start --function-runs ")
                .append(runs).append("`.\n\n");
        md.append("Modes: *snapshot*: primed as before a SnapStart checkpoint (`-Dcampaignmanager.priming=snapshot`), "
                + "so its first request is the one after a restore; *on-demand*: as an init without SnapStart primes "
                + "(each path once, the Data API path left to the first request; the default); "
                + "*unprimed*: `-Dcampaignmanager.priming=off`. "
                + "*init*: the handler class initialised (component built and primed); *classes*: loaded when init "
                + "ends; *first*: the first request after init; *cold*: init + first request, what an on-demand cold "
                + "start waits for; *warm*: median of the next " + WARM + " (snapshot mode); *first / warm*: after a "
                + "snapshot's priming; *RSS*: peak resident memory (VmHWM) after " + endurance + " warm invocations. "
                + "API functions answer a read as the first admin; jobs run on their schedule's event against an "
                + "empty, migrated database. " + TaskRoots.AS_LAMBDA_LOADS + "\n\n");
        md.append("| function | init snapshot / on-demand / unprimed (ms) | classes snapshot / unprimed | "
                + "first after snapshot (ms) | first on-demand / unprimed | cold on-demand / unprimed (ms) | "
                + "warm (ms) | first / warm | RSS (MiB) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            long warm = median(r.snapshot(), "warmMedianUs");
            long firstAfterSnapshot = median(r.snapshot(), "firstUs");
            md.append(String.format(Locale.ROOT,
                    "| %s%s%s | %d / %d / %d | %d / %d | %.1f | %.1f / %.1f | %d / %d | %.2f | %.1f× | %.0f |%n",
                    r.function(), r.api() ? "" : " (job)",
                    r.jar().equals(jars.get(0).getFileName().toString()) ? "" : " (" + r.jar() + ")",
                    median(r.snapshot(), "initMs"), median(r.onDemand(), "initMs"), median(r.unprimed(), "initMs"),
                    median(r.snapshot(), "classes"), median(r.unprimed(), "classes"),
                    firstAfterSnapshot / 1000.0, median(r.onDemand(), "firstUs") / 1000.0,
                    median(r.unprimed(), "firstUs") / 1000.0, cold(r.onDemand()), cold(r.unprimed()), warm / 1000.0,
                    warm > 0 ? (double) firstAfterSnapshot / warm : 0,
                    r.endurance().getOrDefault("rssKb", -1L) / 1024.0));
        }
        md.append('\n');
        md.append(String.format(Locale.ROOT, "- deployable jar `%s`: %.2f MiB (target ≤ 10 MiB)%n", jars.get(0),
                Files.size(jars.get(0)) / (1024.0 * 1024.0)));
        for (Path jar : jars.subList(1, jars.size())) {
            md.append(String.format(Locale.ROOT, "- McpFunction's own jar `%s` (its CodeUri): %.1f MiB%n", jar,
                    Files.size(jar) / (1024.0 * 1024.0)));
        }
        md.append(BenchmarkDoc.end(SECTION)).append('\n');
        return md.toString();
    }

    /** The median over runs of init + first request. */
    private static long cold(List<Map<String, Long>> runs) {
        return ColdStartBenchmark.median(runs.stream().map(r -> r.get("initMs") + r.get("firstUs") / 1000).toList());
    }

    private static long median(List<Map<String, Long>> runs, String field) {
        List<Long> values = runs.stream().map(r -> r.get(field)).filter(v -> v != null).toList();
        return values.isEmpty() ? -1 : ColdStartBenchmark.median(values);
    }

    static Map<String, String> database(LocalDataApi dataApi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(DatabaseSettings.CLUSTER_ARN, dataApi.clusterArn());
        env.put(DatabaseSettings.SECRET_ARN, dataApi.secretArn());
        env.put(DatabaseSettings.DATABASE, dataApi.database());
        env.put(DatabaseSettings.REGION, "us-east-1");
        env.put(DatabaseSettings.ENDPOINT, dataApi.endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        return env;
    }
}
