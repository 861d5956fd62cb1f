package com.campaignmanager.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskRootsTest {
    private static final String FIXTURE = Fixture.class.getName().replace('.', '/') + ".class";

    /** What the launched JVM reports of the class it was asked to run. */
    public static final class Fixture {
        public static void main(String[] args) {
            ClassLoader loader = Fixture.class.getClassLoader();
            System.out.println("loader=" + loader.getClass().getName());
            System.out.println("parent-is-system=" + (loader.getParent() == ClassLoader.getSystemClassLoader()));
            System.out.println("context-is-loader=" + (Thread.currentThread().getContextClassLoader() == loader));
            String file = Fixture.class.getName().replace('.', '/') + ".class";
            System.out.println("system-sees-it=" + (ClassLoader.getSystemClassLoader().getResource(file) != null));
            System.out.println("source=" + Fixture.class.getProtectionDomain().getCodeSource().getLocation());
            System.out.println("args=" + String.join(",", args));
        }
    }

    @Test
    void runsAClassOfTheJarFromItsExtractedDirectoryThroughAClassLoaderLikeTheLambdaRuntimes(@TempDir Path dir)
            throws Exception {
        Path jar = jar(dir.resolve("app.jar"), FIXTURE, fixtureBytes());

        TaskRoots roots = TaskRoots.extract(dir.resolve("roots"), List.of(jar));

        Path root = roots.extracted().get(jar.toString());
        assertThat(root.resolve(FIXTURE)).exists();
        List<String> output = run(roots.javaArguments(List.of(jar.toString()), Fixture.class.getName()), "a", "b");
        assertThat(output).contains("loader=java.net.URLClassLoader", "parent-is-system=true",
                "context-is-loader=true", "system-sees-it=false", "source=" + root.toFile().toURI(), "args=a,b");
    }

    @Test
    void emptiesItsDirectoryFirstSoThatNothingOfAnEarlierJarIsLeft(@TempDir Path dir) throws Exception {
        Path jar = jar(dir.resolve("app.jar"), FIXTURE, fixtureBytes());
        TaskRoots first = TaskRoots.extract(dir.resolve("roots"), List.of(jar));
        Path stale = first.extracted().get(jar.toString()).resolve("Stale.class");
        Files.writeString(stale, "left by an earlier build");

        TaskRoots.extract(dir.resolve("roots"), List.of(jar));

        assertThat(stale).doesNotExist();
    }

    @Test
    void refusesAnEntryThatWouldLandOutsideItsDirectory(@TempDir Path dir) throws Exception {
        Path jar = jar(dir.resolve("evil.jar"), "../outside.class", new byte[] {1});

        assertThatThrownBy(() -> TaskRoots.extract(dir.resolve("roots"), List.of(jar)))
                .isInstanceOf(IOException.class).hasMessageContaining("../outside.class");
        assertThat(dir.resolve("roots").resolveSibling("outside.class")).doesNotExist();
    }

    @Test
    void theClassPathLayoutPutsTheJarItselfOnTheClassPath() {
        assertThat(CodeLayout.CLASS_PATH.javaArguments(List.of("f.jar", "probes"), "a.Main"))
                .containsExactly("-cp", "f.jar" + File.pathSeparator + "probes", "a.Main");
    }

    private static byte[] fixtureBytes() throws IOException {
        try (InputStream in = TaskRootsTest.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            return in.readAllBytes();
        }
    }

    private static Path jar(Path jar, String entry, byte[] bytes) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(bytes);
            zip.closeEntry();
        }
        return jar;
    }

    private static List<String> run(List<String> javaArguments, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
