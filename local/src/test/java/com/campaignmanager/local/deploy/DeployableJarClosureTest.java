package com.campaignmanager.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import com.campaignmanager.build.ClassFileSummary;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deployable jar leaves out classes of log4j-core, commons-lang3 and the SDK that no function uses (the shade
 * filters of functions/pom.xml). What is left must be closed: no class in it refers to a class of those libraries
 * that is not in it, and every class the jar names for loading by name (log4j's plugin cache, service files) is in
 * it. A filter that cuts too much fails here, not in a function at run time.
 *
 * <p>The plugin cache is deployed as one file (functions/src/main/resources/META-INF/...) holding only the plugins the
 * functions use: log4j loads every class it lists when it starts. To rewrite it after a log4j or Powertools upgrade or a
 * filter change, run this test with {@code -Dcampaignmanager.writePluginCache=true}.
 */
class DeployableJarClosureTest {
    private static final Path JAR = Path.of("..", "functions", "target", "campaign-functions.jar");
    private static final Path MCP_JAR = Path.of("..", "functions-mcp", "target", "campaign-mcp.jar");
    private static final String PLUGIN_CACHE = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";
    private static final String PRELOAD_LIST = "META-INF/campaign-manager/preload-classes.txt";
    private static final Path TRIMMED_CACHE = Path.of("..", "shared", "src", "main", "resources", PLUGIN_CACHE);
    /** The libraries the shade filters trim, and so whose references must all resolve inside the jar. */
    private static final List<String> TRIMMED = List.of("org.apache.logging.", "org.apache.commons.lang3.",
            "software.amazon.awssdk.");
    /** Optional parts of the SDK that were never in the jar (the CRT HTTP client and its native bindings). */
    private static final List<String> NEVER_DEPLOYED = List.of("software.amazon.awssdk.crt.",
            "software.amazon.awssdk.crtcore.");

    @Test
    void noClassInTheJarRefersToATrimmedLibraryClassThatIsNotInIt() {
        assertThat(JAR).as("built by the functions module before this one").exists();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--multi-release", "17", "-verbose:class",
                "-filter:none", JAR.toString());
        assertThat(exit).as(out.toString()).isZero();

        // jdeps writes "   a.B   -> c.D   not found" for a class referred to that is in neither the jar nor the JDK.
        Set<String> missing = new TreeSet<>();
        for (String line : out.toString().lines().toList()) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 5 && parts[1].equals("->") && line.endsWith("not found") && trimmed(parts[2])) {
                missing.add(parts[2] + " (referred to by " + parts[0] + ")");
            }
        }
        assertThat(missing).as("classes the jar refers to but leaves out").isEmpty();
    }

    @Test
    void everyClassTheJarLoadsByNameIsInIt() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            List<String> named = new ArrayList<>();
            PluginCache plugins = pluginCache(List.of(new URL("jar:" + JAR.toUri() + "!/" + PLUGIN_CACHE)));
            plugins.getAllCategories().values().forEach(c -> c.values().forEach(e -> named.add(e.getClassName())));
            for (ZipEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().startsWith("META-INF/services/") && !entry.isDirectory()) {
                    String services = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    services.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).forEach(named::add);
                }
            }

            assertThat(named).hasSizeGreaterThan(30);
            assertThat(named).as("classes the plugin cache or a service file names")
                    .allMatch(c -> jar.getEntry(c.replace('.', '/') + ".class") != null);
            // What the functions' logging (LambdaLogConfiguration, LambdaJsonLayout.json) looks up is still there.
            assertThat(plugins.getCategory("jsontemplateresolverfactory")).containsKeys("powertoolsresolverfactory",
                    "timestampresolverfactory", "exceptionresolverfactory");
        }
    }

    /** A class renamed or cut since the list was recorded would silently lose its head start. */
    @Test
    void everyClassOnTheParallelStartListIsInTheJar() throws IOException {
        assertListedClassesAreIn(JAR, "class-list");
    }

    @Test
    void everyClassOnMcpFunctionsParallelStartListIsInItsJar() throws IOException {
        assertListedClassesAreIn(MCP_JAR, "class-list --functions-jar functions-mcp/target/campaign-mcp.jar --out "
                + "functions-mcp/src/main/resources/" + PRELOAD_LIST);
    }

    /**
     * The build's rewrite ran (DeployableJarRewrite): the lambdas the list names are classes the hosts call, and no
     * class keeps a local variable table (the room in the jar those classes take).
     */
    @ParameterizedTest
    @ValueSource(strings = {"campaign-functions.jar", "campaign-mcp.jar"})
    void theListedLambdasAreClassesAndNoClassKeepsALocalVariableTable(String name) throws IOException {
        try (ZipFile jar = new ZipFile((name.equals("campaign-mcp.jar") ? MCP_JAR : JAR).toFile())) {
            String list = new String(jar.getInputStream(jar.getEntry(PRELOAD_LIST)).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(list.split("\\$\\$Lambda\\$", -1).length - 1).as("lambdas on the list").isGreaterThan(500);
            List<String> withLocals = new ArrayList<>();
            int calls = 0;
            for (ZipEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                ClassFileSummary summary = ClassFileSummary.of(jar.getInputStream(entry).readAllBytes());
                if (summary.localVariables() > 0) {
                    withLocals.add(entry.getName());
                }
                calls += summary.lambdaClassCalls();
            }
            assertThat(withLocals).as("classes with a local variable table").isEmpty();
            assertThat(calls).as("lambda sites that call their class").isGreaterThan(500);
        }
    }

    @Test
    void neitherJarCarriesMultiReleaseVariantsNoClassLoaderWouldRead() throws IOException {
        for (Path jarFile : List.of(JAR, MCP_JAR)) {
            try (ZipFile jar = new ZipFile(jarFile.toFile())) {
                String manifest = new String(jar.getInputStream(jar.getEntry("META-INF/MANIFEST.MF")).readAllBytes(),
                        StandardCharsets.UTF_8);
                // Not a multi-release jar, and extracted into /var/task on Lambda: META-INF/versions is never read.
                assertThat(manifest).as(jarFile + " manifest").doesNotContainIgnoringCase("Multi-Release");
                assertThat(jar.stream().map(ZipEntry::getName)).as(jarFile.toString())
                        .noneMatch(name -> name.startsWith("META-INF/versions/"));
            }
        }
    }

    private static void assertListedClassesAreIn(Path jarFile, String command) throws IOException {
        assertThat(jarFile).as("built before this module").exists();
        try (ZipFile jar = new ZipFile(jarFile.toFile())) {
            ZipEntry list = jar.getEntry(PRELOAD_LIST);
            assertThat(list).as(PRELOAD_LIST + " in " + jarFile).isNotNull();
            List<String> listed = new String(jar.getInputStream(list).readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .flatMap(l -> {
                        String[] names = l.split(" ");
                        return Arrays.stream(names, 1, names.length).map(n -> names[0] + "." + n);
                    })
                    .toList();

            assertThat(listed).hasSizeGreaterThan(1_000).doesNotHaveDuplicates();
            assertThat(listed).as("listed classes not in %s: rerun `java -jar local/target/campaign-local.jar %s`, "
                            + "then rebuild", jarFile, command)
                    .allMatch(c -> jar.getEntry(c.replace('.', '/') + ".class") != null);
        }
    }

    @Test
    void theDeployedPluginCacheHoldsOnlyThePluginsTheFunctionsUse() throws IOException {
        byte[] expected = deployedPluginCache();
        if (Boolean.getBoolean("campaignmanager.writePluginCache")) {
            Files.createDirectories(TRIMMED_CACHE.getParent());
            Files.write(TRIMMED_CACHE, expected);
        }

        assertThat(TRIMMED_CACHE).as("rewrite it: -Dcampaignmanager.writePluginCache=true").hasBinaryContent(expected);
    }

    /** Both deployable jars hold that one cache (McpFunction logs through the same configuration). */
    @Test
    void bothJarsHoldOnlyTheSharedPluginCache() throws IOException {
        Map<String, Set<String>> shared = pluginClasses(pluginCache(List.of(TRIMMED_CACHE.toUri().toURL())));
        assertThat(shared).isNotEmpty().doesNotContainKeys("core", "converter", "configurationfactory");

        for (Path jar : List.of(JAR, MCP_JAR)) {
            PluginCache deployed = pluginCache(List.of(new URL("jar:" + jar.toUri() + "!/" + PLUGIN_CACHE)));
            assertThat(pluginClasses(deployed)).as("the plugin cache of %s", jar).isEqualTo(shared);
        }
    }

    private static Map<String, Set<String>> pluginClasses(PluginCache cache) {
        Map<String, Set<String>> classes = new TreeMap<>();
        cache.getAllCategories().forEach((category, plugins) -> classes.put(category,
                plugins.values().stream().map(PluginEntry::getClassName).collect(Collectors.toCollection(TreeSet::new))));
        return classes;
    }

    /**
     * The plugins the functions use, by category (all of a category where null). Their logging is built by code
     * (LambdaLogConfiguration), so no appender, layout, logger or converter is looked up by plugin name: what is left
     * are the resolvers LambdaJsonLayout.json names and the JSON layout's interceptors, which the layout looks up in
     * the cache, and the env and sys lookups of the interpolators log4j builds. log4j loads every class its cache
     * lists and makes every lookup it lists each time it builds an interpolator (~10 times at start): with all 163
     * plugins of the three libraries its start took ~300 ms here, with the 63 a configuration file needed ~200 ms.
     * A plugin missing here fails DeployableJarTest, which runs the jar and reads its JSON logs.
     */
    private static final Map<String, Set<String>> USED_PLUGINS = Map.of(
            "jsontemplateresolverfactory", Set.of("exceptionresolverfactory", "exceptionrootcauseresolverfactory",
                    "levelresolverfactory", "messageresolverfactory", "powertoolsresolverfactory",
                    "timestampresolverfactory"),
            "jsontemplateresolverinterceptor", Set.of("eventadditionalfieldinterceptor",
                    "eventrootobjectkeyinterceptor"),
            "lookup", Set.of("env", "sys"));
    /** Every type converter stays: plugin builders convert their attributes with them. */
    private static final String ALL_OF = "typeconverter";
    /** The libraries whose plugin caches the deployed one is made from. */
    private static final List<String> PLUGIN_LIBRARIES = List.of("/log4j-core-", "/log4j-layout-template-json-",
            "/powertools-logging-log4j-");

    /** The caches of the three libraries merged, less the plugins the functions do not use or the jar leaves out. */
    private static byte[] deployedPluginCache() throws IOException {
        List<URL> sources = new ArrayList<>();
        Enumeration<URL> caches = DeployableJarClosureTest.class.getClassLoader().getResources(PLUGIN_CACHE);
        while (caches.hasMoreElements()) {
            URL cache = caches.nextElement();
            if (PLUGIN_LIBRARIES.stream().anyMatch(cache.toString()::contains)) {
                sources.add(cache);
            }
        }
        assertThat(sources).as("the plugin caches of %s on the test class path", PLUGIN_LIBRARIES)
                .hasSize(PLUGIN_LIBRARIES.size());
        PluginCache cache = pluginCache(sources);
        USED_PLUGINS.forEach((category, names) -> assertThat(cache.getCategory(category))
                .as("plugins of %s in the libraries' caches", category).containsKeys(names.toArray(String[]::new)));
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (Map.Entry<String, Map<String, PluginEntry>> category : cache.getAllCategories().entrySet()) {
                Set<String> used = USED_PLUGINS.get(category.getKey());
                category.getValue().entrySet().removeIf(e -> !category.getKey().equals(ALL_OF)
                        && (used == null || !used.contains(e.getKey()))
                        || jar.getEntry(e.getValue().getClassName().replace('.', '/') + ".class") == null);
            }
        }
        cache.getAllCategories().values().removeIf(Map::isEmpty);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cache.writeCache(out);
        return out.toByteArray();
    }

    private static PluginCache pluginCache(List<URL> files) throws IOException {
        PluginCache cache = new PluginCache();
        cache.loadCacheFiles(Collections.enumeration(files));
        return cache;
    }

    private static boolean trimmed(String className) {
        return TRIMMED.stream().anyMatch(className::startsWith) && NEVER_DEPLOYED.stream().noneMatch(className::startsWith);
    }
}
