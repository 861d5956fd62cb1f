package com.campaignmanager.shared.priming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelStartTest {
    /** Set by {@link Listed}'s static initialiser: loading must not run it. */
    static volatile boolean listedInitialised;

    static final class Listed {
        static {
            listedInitialised = true;
        }

        private Listed() {
        }
    }

    @Test
    void loadsTheListedClassesWithoutInitialisingThemAndCountsTheMissing(@TempDir Path dir) throws IOException {
        Path list = dir.resolve(ParallelStart.CLASS_LIST);
        Files.createDirectories(list.getParent());
        Files.writeString(list, """
                # a comment, then a blank line

                com.campaignmanager.shared.priming ParallelStartTest$Listed NoSuchClass ParallelStart$$Lambda$0
                java.util ArrayList
                """);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ParallelStartTest.class.getClassLoader())) {
            ParallelStart.Report report = new ParallelStart(loader).work();

            assertThat(report.loaded()).isEqualTo(2);
            // A lambda the build made a class of in the deployable jar is absent here, as expected: not missing.
            assertThat(report.missing()).isEqualTo(1);
            assertThat(report.tlsReady()).isTrue();
        }
        assertThat(listedInitialised).as("a listed class's static initialiser ran").isFalse();
    }

    @Test
    void withoutAListOnlyTheTlsSetUpRuns(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            ParallelStart.Report report = new ParallelStart(loader).work();

            assertThat(report.loaded()).isZero();
            assertThat(report.missing()).isZero();
            assertThat(report.tlsReady()).isTrue();
        }
    }

    @Test
    void startsOncePerJvmAndTheInitWaitsForIt() {
        ParallelStart.begin();
        ParallelStart.Report first = ParallelStart.awaitDone(Duration.ofSeconds(30)).orElseThrow();
        ParallelStart.begin();

        assertThat(ParallelStart.awaitDone(Duration.ofSeconds(30))).containsSame(first);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("parallel-start"));
    }
}
