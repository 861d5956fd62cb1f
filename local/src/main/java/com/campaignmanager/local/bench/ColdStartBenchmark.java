package com.campaignmanager.local.bench;

import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiConfig;
import com.campaignmanager.local.template.SamTemplate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code campaign-local.jar bench-cold-start}: starts the local Data API, then launches every variant in a new
 * JVM, runs times each, interleaved, and writes the medians to docs/benchmarks.md. Run from the repository root
 * after {@code mvn -B verify}.
 */
public final class ColdStartBenchmark {
    /**
     * The flags of template.yaml's {@code JAVA_TOOL_OPTIONS} and those Lambda's JVM picks by itself (the serial
     * collector, the JDK's class-data archive); the same for every variant.
     */
    static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1", "-XX:MetaspaceSize=64m", "-XX:+UseSerialGC", "-Xshare:auto");
    static final String SECTION = "cold-start";
    /** The function the variants run: the smallest real API function. */
    static final String HEALTH_FUNCTION = "HealthFunction";

    /**
     * A JVM to launch; {@code launcher} goes before the java command (empty, or {@code taskset -c 0}); {@code jarOnClassPath}:
     * the deployable jar itself on the class path instead of extracted as Lambda extracts it ({@link TaskRoots}).
     */
    record Variant(String name, String description, String mainClass, List<String> classpath, List<String> jvmArgs,
                   List<String> launcher, boolean jarOnClassPath) {
        Variant(String name, String description, String mainClass, List<String> classpath, List<String> jvmArgs) {
            this(name, description, mainClass, classpath, jvmArgs, List.of(), false);
        }

        /** The same JVM held to one core: what the start costs where the second thread has no core of its own. */
        Variant onOneCore() {
            return new Variant(name + "-1cpu", description + ", on one core (`taskset -c 0`)", mainClass, classpath,
                    jvmArgs, ONE_CORE, jarOnClassPath);
        }

        /** The same JVM reading the jar from its class path: how this benchmark ran until 2026-12-03. */
        Variant fromJar() {
            return new Variant(name + "-jar", description + ", the jar on the class path (inflated, no"
                    + " runtime class loader)", mainClass, classpath, jvmArgs, launcher, true);
        }
    }

    private static final List<String> ONE_CORE = List.of("taskset", "-c", "0");

    record Run(long wallMs, Map<String, Long> fields) {
    }

    private ColdStartBenchmark() {
    }

    public static int run(String[] args) throws Exception {
        int runs = 10;
        Path out = Path.of("docs/benchmarks.md");
        Path functionsJar = Path.of("functions/target/campaign-functions.jar");
        Path mcpJar = Path.of("functions-mcp/target/campaign-mcp.jar");
        Path probeClasses = Path.of("local/target/classes");
        Path benchLib = Path.of("local/target/bench-lib");
        Path templateFile = Path.of("template.yaml");
        Set<String> only = Set.of();
        boolean functionsToo = true;
        boolean variants = true;
        int functionRuns = 3;
        int endurance = 1_000;
        List<String> functionJvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                case "--functions-jar" -> functionsJar = Path.of(value);
                case "--mcp-jar" -> mcpJar = Path.of(value);
                case "--probe-classes" -> probeClasses = Path.of(value);
                case "--bench-lib" -> benchLib = Path.of(value);
                case "--template" -> templateFile = Path.of(value);
                case "--function-runs" -> functionRuns = Integer.parseInt(value);
                case "--endurance" -> endurance = Integer.parseInt(value);
                case "--functions" -> {
                    functionsToo = !value.equals("none");
                    only = value.equals("all") || value.equals("none") ? Set.of() : Set.of(value.split(","));
                }
                case "--variants" -> variants = !value.equals("none");
                case "--jvm-arg" -> functionJvmArgs.add(value);
                default -> {
                    System.err.println("usage: bench-cold-start [--runs N] [--out FILE|-] [--functions-jar JAR]"
                            + " [--mcp-jar JAR] [--probe-classes DIR] [--bench-lib DIR] [--variants all|none]"
                            + " [--functions all|none|Name,Name] [--function-runs N] [--endurance N] [--template FILE]"
                            + " [--jvm-arg ARG]...");
                    return 2;
                }
            }
            i++;
        }
        for (Path required : List.of(functionsJar, mcpJar, probeClasses, benchLib.resolve("apache"),
                benchLib.resolve("crt"))) {
            if (!Files.exists(required)) {
                System.err.println(required + " is missing: run `mvn -B verify` (or package) from the repository root first");
                return 2;
            }
        }

        String functions = functionsJar.toString();
        String mcp = mcpJar.toString();
        String probes = probeClasses.toString();
        List<Variant> variantsOnTwoCores = List.of(
                new Variant("floor", "new JVM, one raw HttpURLConnection POST to /Execute", FloorProbe.class.getName(),
                        List.of(probes), List.of()),
                new Variant("ours", "HealthFunction handler: static Dagger component, our client, primed as an on-demand"
                        + " init primes, SELECT 1",
                        HandlerProbe.class.getName(), List.of(functions, probes), List.of()),
                // What an on-demand init would cost without priming.
                new Variant("ours-unprimed", "the ours handler with -Dcampaignmanager.priming=off",
                        HandlerProbe.class.getName(), List.of(functions, probes), List.of("-Dcampaignmanager.priming=off")),
                // What the second thread of the init buys.
                new Variant("ours-serial", "the ours handler with -Dcampaignmanager.parallel-start=off (one thread)",
                        HandlerProbe.class.getName(), List.of(functions, probes),
                        List.of("-Dcampaignmanager.parallel-start=off")),
                // What template.yaml's -XX:CICompilerCount=1 buys: two C1 threads, the JVM's default on two cores.
                new Variant("ours-2-compilers", "the ours handler with -XX:CICompilerCount=2 (the JVM's default on"
                        + " two cores)", HandlerProbe.class.getName(), List.of(functions, probes),
                        List.of("-XX:CICompilerCount=2")),
                new Variant("ours-steps", "the Data API part of it, timed step by step (no logging/JSON/routing)", StepsProbe.class.getName(),
                        List.of(functions, probes), List.of()),
                new Variant("crt", "the same handler work, our client configuration over AwsCrtHttpClient", CrtClientProbe.class.getName(),
                        concat(List.of(functions, probes), jars(benchLib.resolve("crt"))), List.of()),
                new Variant("sdk-defaults", "the same handler work, client from RdsDataClient.create() (Apache 5, default chains)",
                        SdkDefaultsProbe.class.getName(),
                        concat(List.of(functions, probes), jars(benchLib.resolve("apache"))),
                        List.of("-Dsoftware.amazon.awssdk.http.service.impl="
                                + "software.amazon.awssdk.http.apache5.Apache5SdkHttpService")),
                // The MCP SDK in the jar of the others: what shading it into campaign-functions.jar would cost them
                // (an upper bound: the JVM also opens a second jar).
                // Without the parallel start, whose class list would be the MCP jar's (first on the class path).
                new Variant("ours+mcp-sdk", "the ours-serial handler with the MCP jar (the SDK, Reactor, a schema"
                        + " validator) first on the class path", HandlerProbe.class.getName(),
                        List.of(mcp, functions, probes), List.of("-Dcampaignmanager.parallel-start=off")),
                new Variant("mcp", "McpFunction from its own jar: server and 23 tools, then tools/call list_campaigns"
                        + " (team lookup + query)", McpProbe.class.getName(), List.of(mcp, probes), List.of()),
                new Variant("mcp-serial", "the mcp variant with -Dcampaignmanager.parallel-start=off",
                        McpProbe.class.getName(), List.of(mcp, probes), List.of("-Dcampaignmanager.parallel-start=off")));
        List<Variant> variantList = new ArrayList<>(variantsOnTwoCores);
        named(variantsOnTwoCores, "ours").ifPresent(v -> variantList.add(v.fromJar()));
        if (oneCoreAvailable()) {
            for (String name : List.of("floor", "ours", "ours-serial")) {
                named(variantsOnTwoCores, name).ifPresent(v -> variantList.add(v.onOneCore()));
            }
        }

        // No data dir: a temporary PostgreSQL, removed when the benchmark ends; migrated, for McpFunction's tables.
        SamTemplate template = SamTemplate.read(templateFile);
        TaskRoots taskRoots = TaskRoots.extract(benchLib.resolveSibling("task-roots"), List.of(functionsJar, mcpJar));
        try (LocalDataApi dataApi = LocalDataApi.start(LocalDataApiConfig.defaults())) {
            FunctionBenchmarks.migrate(dataApi);
            if (variants) {
                Map<String, String> environment = environment(dataApi, template);
                Map<String, List<Run>> results = new LinkedHashMap<>();
                for (Variant variant : variantList) {
                    launch(variant, environment, taskRoots, functionJvmArgs); // warm the page cache; not counted
                    results.put(variant.name(), new ArrayList<>());
                }
                for (int i = 0; i < runs; i++) {
                    // Every other round in reverse: what a variant's place in the round does to it (after the heavy
                    // MCP ones, say) then evens out instead of favouring the same variants every round.
                    List<Variant> order = new ArrayList<>(variantList);
                    if (i % 2 == 1) {
                        Collections.reverse(order);
                    }
                    for (Variant variant : order) {
                        results.get(variant.name()).add(launch(variant, environment, taskRoots, functionJvmArgs));
                    }
                    System.err.printf("run %d/%d done%n", i + 1, runs);
                }
                BenchmarkDoc.publish(out, SECTION, report(variantList, results, runs, functionsJar, mcpJar, benchLib,
                        functionJvmArgs));
            }
            if (functionsToo) {
                List<FunctionBenchmarks.Result> results = FunctionBenchmarks.run(template, only,
                        functionRuns, endurance, List.of(functionsJar, mcpJar), probeClasses,
                        FunctionBenchmarks.database(dataApi),
                        (name, jvmArgs, classpath, mainClass, probeArgs, environment) -> launch(List.of(), name,
                                concat(functionJvmArgs, jvmArgs), taskRoots, classpath, mainClass, probeArgs,
                                environment).fields());
                BenchmarkDoc.publish(out, FunctionBenchmarks.SECTION, FunctionBenchmarks.report(results, functionRuns,
                        endurance, List.of(functionsJar, mcpJar), concat(JVM_FLAGS, functionJvmArgs)));
            }
        }
        return 0;
    }

    /**
     * What the variants' JVMs are given: the variables template.yaml sets for HealthFunction, its Globals among them
     * (AWS_EMF_ENVIRONMENT, without which EMF probes for ECS and EC2 at the first metrics flush, as it would not on
     * AWS), the name Lambda sets, and the local Data API's coordinates.
     */
    static Map<String, String> environment(LocalDataApi dataApi, SamTemplate template) {
        Map<String, String> env = new TreeMap<>(template.functions().get(HEALTH_FUNCTION).environment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", HEALTH_FUNCTION);
        env.put("DB_CLUSTER_ARN", dataApi.clusterArn());
        env.put("DB_SECRET_ARN", dataApi.secretArn());
        env.put("DB_NAME", dataApi.database());
        env.put("AWS_REGION", "us-east-1");
        env.put("DATA_API_ENDPOINT", dataApi.endpoint().toString());
        env.put("AWS_ENDPOINT_URL", dataApi.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        // McpFunction's own settings (the others ignore them).
        env.put("JWT_ISSUER", "https://campaign-manager.local/issuer");
        env.put("PUBLIC_API_URL", "http://127.0.0.1:3000");
        // Required by McpFunction since its template tools preview rounds (unsubscribe links): its local stand-in.
        env.put("UNSUBSCRIBE_SIGNING_KEY", "local-unsubscribe-signing-key-not-for-production");
        return env;
    }

    /** Launches a variant with its own JVM arguments after the {@code --jvm-arg}s (a later flag wins). */
    private static Run launch(Variant variant, Map<String, String> environment, TaskRoots taskRoots,
                              List<String> extraJvmArgs) throws IOException, InterruptedException {
        return launch(variant.launcher(), variant.name(), concat(extraJvmArgs, variant.jvmArgs()),
                variant.jarOnClassPath() ? CodeLayout.CLASS_PATH : taskRoots, variant.classpath(), variant.mainClass(),
                List.of(), environment);
    }

    static Run launch(List<String> launcher, String name, List<String> jvmArgs, CodeLayout layout,
                      List<String> classpath, String mainClass, List<String> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_FLAGS);
        command.addAll(jvmArgs);
        int launchedAt = command.size();
        command.addAll(layout.javaArguments(classpath, mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        // The clock read last, just before the start: the probe's times count from here.
        builder.command().add(launchedAt, "-D" + ProbeReport.LAUNCHED_AT + "=" + System.currentTimeMillis());
        long started = System.nanoTime();
        Process process = builder.start();
        String line;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = reader.lines().filter(l -> l.startsWith("probe ")).findFirst().orElse(null);
        }
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not exit");
        }
        if (line == null || process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (exit " + process.exitValue() + ")");
        }
        Map<String, Long> fields = new LinkedHashMap<>();
        for (String pair : line.substring("probe ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], Long.parseLong(kv[1]));
        }
        return new Run(wallMs, fields);
    }

    private static Optional<Variant> named(List<Variant> variants, String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Whether util-linux's {@code taskset} runs here and may pin a process to core 0 (Linux only). */
    private static boolean oneCoreAvailable() {
        try {
            Process probe = new ProcessBuilder("taskset", "-c", "0", "true").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long medianOf(List<Run> runs, String field) {
        List<Long> values = runs.stream().map(r -> r.fields().get(field)).filter(v -> v != null).toList();
        return values.isEmpty() ? -1 : median(values);
    }

    private static String report(List<Variant> variants, Map<String, List<Run>> results, int runs, Path functionsJar,
                                 Path mcpJar, Path benchLib, List<String> extraJvmArgs)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(BenchmarkDoc.begin(SECTION)).append('\n');
        md.append("## Cold start of a minimal function\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" on ").append(BenchmarkDoc.machine()).append(", ")
                .append(runs).append(" runs per variant (interleaved, every other round in reverse order, after one uncounted warm-up run each), JVM flags `")
                .append(String.join(" ", concat(JVM_FLAGS, extraJvmArgs))).append("`. Rerun: `mvn -B verify && java -jar "
                        + "local/target/campaign-local.jar bench-cold-start --runs ").append(runs)
                .append(extraJvmArgs.stream().map(arg -> " --jvm-arg " + arg).collect(Collectors.joining()))
                .append("`.\n\n");
        md.append("*wall*: from launching the JVM to the first answer printed (what a cold invocation costs); *jvm*: "
                + "from launching the JVM until `main` (the probes count from the benchmark's clock, not the JDK's "
                + "management beans); *init*: handler class and component; *config*, *client*: building the "
                + "settings and the SDK client; *first call*: the first Data API SELECT answered; *CPU*: the process's CPU"
                + " time by then, every thread's (the JIT compiler's and the collector's too), which is what a start costs"
                + " where it has less than a core; *peak RSS*: VmHWM. " + TaskRoots.AS_LAMBDA_LOADS
                + " The `ours-jar` row reads the jar from the class path instead, as this benchmark did until"
                + " 2026-12-03.\n\n");
        md.append("| variant | what | wall (median ms) | CPU | jvm | init | config | client | first call | peak RSS (MiB) |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Long> wall = new LinkedHashMap<>();
        for (Variant variant : variants) {
            List<Run> variantRuns = results.get(variant.name());
            long wallMedian = median(variantRuns.stream().map(Run::wallMs).toList());
            wall.put(variant.name(), wallMedian);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %.0f |%n",
                    variant.name(), variant.description(), wallMedian, cell(medianOf(variantRuns, "cpuMs")),
                    cell(medianOf(variantRuns, "jvmMs")), cell(medianOf(variantRuns, "initMs")),
                    cell(medianOf(variantRuns, "configMs")), cell(medianOf(variantRuns, "clientMs")),
                    cell(medianOf(variantRuns, "firstCallMs")), medianOf(variantRuns, "rssKb") / 1024.0));
        }
        double toFloor = (double) wall.get("ours") / wall.get("floor");
        double toDefaults = (double) wall.get("ours") / wall.get("sdk-defaults");
        // The same work on both sides: the Data API part over our client set-up, and over the SDK's defaults.
        double clientToDefaults = (double) wall.get("ours-steps") / wall.get("sdk-defaults");
        double crtToOurs = (double) wall.get("crt") / wall.get("ours-steps");
        md.append('\n');
        md.append(String.format(Locale.ROOT, "- ours / floor: **%.2f×** (target ≤ 6×, issue 14; ≤ 4× before it); %s%n",
                toFloor, perRound(results, "ours", "floor")));
        md.append(String.format(Locale.ROOT, "- ours / sdk-defaults: **%.2f×** (target ≤ 0.7×, issue 14; ≤ 0.6× before it):"
                + " the handler as deployed (primed, with its second thread) against the same routing, JSON and health"
                + " check over a client of SDK defaults, on one thread, unprimed; %s%n", toDefaults,
                perRound(results, "ours", "sdk-defaults")));
        md.append(String.format(Locale.ROOT, "- ours-steps / sdk-defaults: **%.2f×**: the same Data API work over our client"
                + " set-up and over the SDK's defaults%n", clientToDefaults));
        md.append(String.format(Locale.ROOT, "- ours-unprimed / floor: **%.2f×**, / sdk-defaults: **%.2f×**: the handler"
                        + " without any priming%n",
                (double) wall.get("ours-unprimed") / wall.get("floor"),
                (double) wall.get("ours-unprimed") / wall.get("sdk-defaults")));
        md.append(String.format(Locale.ROOT, "- ours / ours-serial: **%.2f×**: what loading the classes and setting up"
                        + " TLS on a second thread during init buys (ours-serial / floor: %.2f×)%n",
                (double) wall.get("ours") / wall.get("ours-serial"), (double) wall.get("ours-serial") / wall.get("floor")));
        md.append(String.format(Locale.ROOT, "- ours / ours-2-compilers: **%.2f×**: what one C1 compiler thread instead"
                        + " of two buys (template.yaml's -XX:CICompilerCount=1); %s%n",
                (double) wall.get("ours") / wall.get("ours-2-compilers"), perRound(results, "ours", "ours-2-compilers")));
        md.append(String.format(Locale.ROOT, "- mcp / mcp-serial: **%.2f×**: the same for McpFunction, from its own jar"
                + " and its own list%n", (double) wall.get("mcp") / wall.get("mcp-serial")));
        if (wall.containsKey("ours-1cpu")) {
            md.append(String.format(Locale.ROOT, "- on one core: ours-1cpu / ours-serial-1cpu **%.2f×** (the second thread"
                            + " where it has no core of its own), ours-1cpu / floor-1cpu %.2f×; CPU of ours / ours-serial"
                            + " on two cores: %.2f×%n",
                    (double) wall.get("ours-1cpu") / wall.get("ours-serial-1cpu"),
                    (double) wall.get("ours-1cpu") / wall.get("floor-1cpu"),
                    (double) medianOf(results.get("ours"), "cpuMs") / medianOf(results.get("ours-serial"), "cpuMs")));
        }
        long crtBytes = 0;
        for (String jar : jars(benchLib.resolve("crt"))) {
            crtBytes += Files.size(Path.of(jar));
        }
        md.append(String.format(Locale.ROOT, "- AwsCrtHttpClient / UrlConnectionHttpClient (crt / ours-steps): **%.2f×** wall, peak RSS %+.0f MiB; "
                + "the CRT client adds %.1f MiB of jars (native libraries). %s%n", crtToOurs,
                (medianOf(results.get("crt"), "rssKb") - medianOf(results.get("ours-steps"), "rssKb")) / 1024.0,
                crtBytes / (1024.0 * 1024.0),
                crtToOurs < 0.9 ? "CRT is clearly faster here: reconsider the choice in RdsDataClientFactory."
                        : "The functions keep UrlConnectionHttpClient: no faster to start, smaller, pure Java."));
        md.append(String.format(Locale.ROOT, "- ours+mcp-sdk / ours-serial: **%.2f×** wall: %s%n",
                (double) wall.get("ours+mcp-sdk") / wall.get("ours-serial"),
                wall.get("ours+mcp-sdk") > wall.get("ours-serial") * 1.05
                        ? "the MCP SDK would slow the other functions: it stays in McpFunction's own jar."
                        : "within noise; McpFunction keeps its own jar all the same, so the others carry none of it."));
        md.append("- Data API calls for one health request: 1; for McpFunction's first tool call: 2 (team, campaigns)\n");
        md.append(String.format(Locale.ROOT, "- deployable jars: `%s` %.2f MiB (target ≤ 10 MiB), `%s` %.1f MiB%n", functionsJar,
                Files.size(functionsJar) / (1024.0 * 1024.0), mcpJar, Files.size(mcpJar) / (1024.0 * 1024.0)));
        md.append(BenchmarkDoc.end(SECTION)).append('\n');
        return md.toString();
    }

    /**
     * The ratio taken within each round (the variants of a round run minutes apart at most, so what the machine's
     * other load does to one it mostly does to the other): its median and the middle half of the rounds.
     */
    static String perRound(Map<String, List<Run>> results, String variant, String against) {
        List<Run> a = results.get(variant);
        List<Run> b = results.get(against);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            ratios.add((double) a.get(i).wallMs() / b.get(i).wallMs());
        }
        Collections.sort(ratios);
        int n = ratios.size();
        double median = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
        return String.format(Locale.ROOT, "within each round: median %.2f×, middle half %.2f-%.2f×", median,
                ratios.get(n / 4), ratios.get((3 * n - 1) / 4));
    }

    private static String cell(long value) {
        return value < 0 ? "–" : Long.toString(value);
    }

    private static List<String> jars(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

}
