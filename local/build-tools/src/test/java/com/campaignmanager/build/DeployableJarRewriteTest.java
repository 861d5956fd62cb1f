package com.campaignmanager.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rewrite on a jar of every kind of lambda call site javac writes (test resource {@code fixture/Lambdas.java}),
 * compiled for Java 8 (the AWS SDK's class files) and for Java 17 (ours, with nestmates): the rewritten jar gives the
 * same results, its lambdas are classes, not hidden classes spun at run time, and no class keeps a local variable
 * table.
 */
class DeployableJarRewriteTest {
    private static final String FIXTURE = "fixture.Lambdas";

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"8", "17"})
    void everyLambdaRewrittenGivesTheSameResults(String release) throws Exception {
        Path jar = fixtureJar(release);
        Path rewritten = directory.resolve("rewritten.jar");

        DeployableJarRewrite.Report report = DeployableJarRewrite.rewrite(jar, rewritten, true);

        assertThat(results(rewritten)).isEqualTo(results(jar)).contains("same true", "distinct true",
                "sink through the bridge", "is marker true", "hello world", "super base", "NESTED", "line true",
                "widened 8589934633", "boxed Integer", "unboxed 5", "varargs a+b", "sorted [c, b, a]");
        // The serializable ones stay: two sites, and two more in the $deserializeLambda$ javac writes for them.
        assertThat(report.refused()).containsOnly(Map.entry("serializable", 4));
        assertThat(report.rewritten()).isEqualTo(report.sites() - 4).isGreaterThan(20);
        assertThat(summary(rewritten).lambdaClassCalls()).isEqualTo(report.rewritten());
        try (URLClassLoader loader = loader(rewritten)) {
            List<?> lambdas = (List<?>) loader.loadClass(FIXTURE).getMethod("lambdas").invoke(null);
            assertThat(lambdas).extracting(lambda -> lambda.getClass().isHidden())
                    .containsExactly(false, false, false, true, false);
            assertThat(lambdas.get(0).getClass().getName()).startsWith(FIXTURE + "$$Lambda$");
            assertThat(lambdas.get(0).getClass().isSynthetic()).isTrue();
        }
        try (URLClassLoader loader = loader(jar)) {
            List<?> lambdas = (List<?>) loader.loadClass(FIXTURE).getMethod("lambdas").invoke(null);
            assertThat(lambdas).extracting(lambda -> lambda.getClass().isHidden()).containsOnly(true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "17"})
    void onlyTheListedSitesBecomeClassesAndNumberingSurvivesASecondRewrite(String release) throws Exception {
        Path all = directory.resolve("all.jar");
        DeployableJarRewrite.rewrite(fixtureJar(release), all, true);
        Path listed = directory.resolve("listed.jar");
        Path jar = fixtureJar(release, "fixture Lambdas Lambdas$$Lambda$0 Lambdas$$Lambda$3\n");

        DeployableJarRewrite.Report report = DeployableJarRewrite.rewrite(jar, listed, false);

        assertThat(report.rewritten()).isEqualTo(2);
        assertThat(generatedClasses(listed)).containsExactly("fixture/Lambdas$$Lambda$0.class",
                "fixture/Lambdas$$Lambda$3.class");
        assertThat(results(listed)).isEqualTo(results(jar));
        // What class-list does: the built jar rewritten again, every site: the same names as one rewrite of all.
        Path again = directory.resolve("again.jar");
        DeployableJarRewrite.Report second = DeployableJarRewrite.rewrite(listed, again, true);
        assertThat(second.sites()).isEqualTo(report.sites());
        assertThat(generatedClasses(again)).isEqualTo(generatedClasses(all));
        for (String name : generatedClasses(all)) {
            assertThat(DeployableJarRewrite.entries(again).get(name)).as(name)
                    .isEqualTo(DeployableJarRewrite.entries(all).get(name));
        }
        assertThat(results(again)).isEqualTo(results(jar));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "17"})
    void noLocalVariableTableIsLeftAndLineNumbersAre(String release) throws Exception {
        Path jar = fixtureJar(release);
        ClassFileSummary before = summary(jar);
        assertThat(before.localVariables()).isPositive();
        assertThat(before.lineNumbers()).isPositive();
        Path rewritten = directory.resolve("rewritten.jar");

        DeployableJarRewrite.rewrite(jar, rewritten, false);

        ClassFileSummary after = summary(rewritten);
        assertThat(after.localVariables()).isZero();
        assertThat(after.lineNumbers()).isEqualTo(before.lineNumbers());
        assertThat(after.lambdaClassCalls()).isZero();
        assertThat(results(rewritten)).isEqualTo(results(jar));
        assertThat(DeployableJarRewrite.entries(rewritten).keySet())
                .isEqualTo(DeployableJarRewrite.entries(jar).keySet());
    }

    private Path fixtureJar(String release) throws IOException {
        return fixtureJar(release, null);
    }

    /** The fixture compiled for {@code release}, in a jar, with {@code classList} as its class list if given. */
    private Path fixtureJar(String release, String classList) throws IOException {
        Path sources = directory.resolve("src-" + release);
        Path classes = directory.resolve("classes-" + release);
        Files.createDirectories(sources.resolve("fixture"));
        Files.createDirectories(classes);
        Path source = sources.resolve("fixture/Lambdas.java");
        try (InputStream in = getClass().getResourceAsStream("/fixture/Lambdas.java")) {
            Files.write(source, in.readAllBytes());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", release, "-g", "-nowarn", "-Xlint:-options",
                "-d", classes.toString(), source.toString());
        assertThat(status).as("javac --release " + release).isZero();
        Path jar = Files.createTempFile(directory, "fixture-" + release + "-", ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
            if (classList != null) {
                out.putNextEntry(new JarEntry(DeployableJarRewrite.CLASS_LIST));
                out.write(classList.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    @SuppressWarnings("unchecked")
    private static List<String> results(Path jar) throws Exception {
        try (URLClassLoader loader = loader(jar)) {
            Method results = loader.loadClass(FIXTURE).getMethod("results");
            return (List<String>) results.invoke(null);
        }
    }

    private static URLClassLoader loader(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, DeployableJarRewriteTest.class.getClassLoader());
    }

    private static List<String> generatedClasses(Path jar) throws IOException {
        return DeployableJarRewrite.entries(jar).keySet().stream().filter(n -> n.contains(DeployableJarRewrite.SUFFIX))
                .sorted().toList();
    }

    /** The jar's classes, summed. */
    private static ClassFileSummary summary(Path jar) throws IOException {
        int locals = 0;
        int lines = 0;
        int calls = 0;
        for (Map.Entry<String, byte[]> entry : DeployableJarRewrite.entries(jar).entrySet()) {
            if (entry.getKey().endsWith(".class")) {
                ClassFileSummary one = ClassFileSummary.of(entry.getValue());
                locals += one.localVariables();
                lines += one.lineNumbers();
                calls += one.lambdaClassCalls();
            }
        }
        return new ClassFileSummary(locals, lines, calls);
    }
}
