package com.campaignmanager.local.bench;

import com.campaignmanager.build.DeployableJarRewrite;
import com.campaignmanager.local.dataapi.LocalDataApi;
import com.campaignmanager.local.dataapi.LocalDataApiConfig;
import com.campaignmanager.local.template.FunctionDefinition;
import com.campaignmanager.local.template.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code class-list}: records which classes of the deployable jar the functions load in their init and first
 * request, and writes them as the list {@code ParallelStart} loads on a second thread. Each function runs once in a
 * new JVM, as the benchmark runs it (primed as an on-demand init, one request), with {@code -Xlog:class+load} and
 * without a parallel start, so that the list holds what the functions need, not what an earlier list loaded. They
 * run from a copy of the jar whose every lambda call site is a class ({@code DeployableJarRewrite --all-lambdas}),
 * so the list also names the lambdas every function links, which the build then makes classes of.
 * Rerun it after changing dependencies or the request path, then rebuild the jar.
 */
public final class ClassListCommand {
    static final Path LIST = Path.of("functions", "src", "main", "resources", "META-INF", "campaign-manager",
            "preload-classes.txt");
    /** {@code -Xlog:class+load} lines: "... a.b.C source: file:/.../campaign-functions.jar" (or "jar:file:..."). */
    private static final Pattern LOADED = Pattern.compile("\\s(\\S+) source: (?:jar:)?file:(\\S+)");

    private ClassListCommand() {
    }

    public static int run(String[] args) throws Exception {
        Path functionsJar = Path.of("functions/target/campaign-functions.jar");
        Path probeClasses = Path.of("local/target/classes");
        Path template = Path.of("template.yaml");
        Path out = LIST;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--functions-jar" -> functionsJar = Path.of(value);
                case "--probe-classes" -> probeClasses = Path.of(value);
                case "--template" -> template = Path.of(value);
                case "--out" -> out = Path.of(value);
                default -> {
                    System.err.println("usage: class-list [--functions-jar JAR] [--probe-classes DIR] [--template FILE]"
                            + " [--out FILE]");
                    return 2;
                }
            }
        }
        if (!Files.exists(functionsJar) || !Files.exists(probeClasses)) {
            System.err.println(functionsJar + " or " + probeClasses + " is missing: run `mvn -B package -DskipTests` first");
            return 2;
        }
        String jarName = functionsJar.getFileName().toString();
        // Every lambda a class (as the deployable jar has those on the list): the log then names the lambdas each
        // function links, and the jar's rewrite makes classes of those on the list (DeployableJarRewrite).
        Path rewritten = Files.createTempDirectory("class-list-").resolve(jarName);
        System.err.println(DeployableJarRewrite.rewrite(functionsJar, rewritten, true));
        List<String> classpath = List.of(rewritten.toString(), probeClasses.toString());
        List<List<String>> loadedByFunction = new ArrayList<>();
        try (LocalDataApi dataApi = LocalDataApi.start(LocalDataApiConfig.defaults())) {
            FunctionBenchmarks.migrate(dataApi);
            Map<String, String> database = FunctionBenchmarks.database(dataApi);
            for (FunctionDefinition function : FunctionBenchmarks.functionsInJar(SamTemplate.read(template),
                    Set.of(), functionsJar)) {
                Path log = Files.createTempFile("class-load-", ".log");
                try {
                    List<String> jvmArgs = List.of("-Dcampaignmanager.parallel-start=off",
                            "-Xlog:class+load=info:file=" + log);
                    // McpFunction too (from its own jar, --functions-jar): one tool call as an assistant makes it.
                    // The jar on the class path: the log then names it as each class's source (the classes are the
                    // same however it is laid out).
                    ColdStartBenchmark.launch(List.of(), function.logicalId(), jvmArgs, CodeLayout.CLASS_PATH,
                            classpath, FunctionProbe.class.getName(), FunctionBenchmarks.probeArgs(function, 1),
                            FunctionBenchmarks.environment(function, database));
                    List<String> loaded = new ArrayList<>();
                    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                        Matcher match = LOADED.matcher(line);
                        if (match.find() && match.group(2).endsWith(jarName) && !match.group(1).contains("/")) {
                            loaded.add(match.group(1));
                        }
                    }
                    loadedByFunction.add(loaded);
                    System.err.printf("%s: %d class(es) of the jar%n", function.logicalId(), loaded.size());
                } finally {
                    Files.deleteIfExists(log);
                }
            }
        } finally {
            Files.deleteIfExists(rewritten);
            Files.deleteIfExists(rewritten.getParent());
        }
        if (loadedByFunction.isEmpty()) {
            System.err.println("no function of " + template + " is in " + functionsJar);
            return 2;
        }
        List<String> classes = common(loadedByFunction);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(jarName, classes), StandardCharsets.UTF_8);
        System.err.printf("%d classes written to %s: rebuild the jar (mvn -B package) to deploy them%n",
                classes.size(), out);
        return 0;
    }

    /**
     * The classes every function loads, in the order they load on average. Only those: a class some function never
     * loads costs the others' second thread time and memory (measured: the union of all functions' classes made
     * HealthFunction's init slower than this list), and each function's own classes its main thread loads first.
     */
    static List<String> common(List<List<String>> loadedByFunction) {
        List<Map<String, Double>> positions = new ArrayList<>();
        for (List<String> loaded : loadedByFunction) {
            Map<String, Double> position = new HashMap<>();
            for (int i = 0; i < loaded.size(); i++) {
                position.putIfAbsent(loaded.get(i), (double) i / loaded.size());
            }
            positions.add(position);
        }
        Map<String, Double> meanPosition = new LinkedHashMap<>();
        for (String name : loadedByFunction.get(0)) {
            if (positions.stream().allMatch(p -> p.containsKey(name))) {
                meanPosition.put(name, positions.stream().mapToDouble(p -> p.get(name)).average().orElseThrow());
            }
        }
        return meanPosition.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /**
     * In load order, one line per run of classes of one package: the package, then the classes' simple binary
     * names (a package whose classes load at several times has several lines).
     */
    static String render(String jarName, List<String> classes) {
        StringBuilder text = new StringBuilder("# Classes of " + jarName + """
                 every function in it loads in its init and first request, in
                # the order they load, a line per run of one package. ParallelStart loads (never initialises) them on
                # a second thread during init; the lambdas among them (C$$Lambda$N: the Nth lambda call site of C)
                # the build makes classes (DeployableJarRewrite). Written by `java -jar local/target/campaign-local.jar
                # class-list`; DeployableJarClosureTest checks that each is in the jar.
                """);
        String current = null;
        for (String name : classes) {
            int dot = name.lastIndexOf('.');
            String pkg = name.substring(0, dot);
            if (!pkg.equals(current)) {
                text.append(current == null ? "" : "\n").append(pkg);
                current = pkg;
            }
            text.append(' ').append(name.substring(dot + 1));
        }
        return text.append('\n').toString();
    }
}
