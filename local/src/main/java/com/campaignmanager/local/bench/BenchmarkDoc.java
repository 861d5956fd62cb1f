package com.campaignmanager.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** docs/benchmarks.md: each benchmark owns the section between its markers and replaces only that. */
final class BenchmarkDoc {
    private BenchmarkDoc() {
    }

    static String begin(String name) {
        return "<!-- " + name + ":begin -->";
    }

    static String end(String name) {
        return "<!-- " + name + ":end -->";
    }

    /** Prints the section, and writes it into {@code out} unless that is {@code -}. */
    static void publish(Path out, String name, String section) throws IOException {
        if (!out.toString().equals("-")) {
            write(out, name, section);
            System.out.println("wrote " + out);
        }
        System.out.println(section);
    }

    /** {@code section} must start with the begin marker and end with the end marker and a newline. */
    static void write(Path out, String name, String section) throws IOException {
        String existing = Files.exists(out) ? Files.readString(out) : "# Benchmarks\n\n";
        int begin = existing.indexOf(begin(name));
        int end = existing.indexOf(end(name));
        String updated = begin >= 0 && end > begin
                ? existing.substring(0, begin) + section + existing.substring(end + end(name).length() + 1)
                : existing + (existing.endsWith("\n\n") ? "" : "\n") + section;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, updated);
    }

    static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            }
        }
        return String.format(Locale.ROOT, "%s, %d cores, %s %s, Java %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vendor"));
    }
}
