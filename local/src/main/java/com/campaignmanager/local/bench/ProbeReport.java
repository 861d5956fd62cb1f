package com.campaignmanager.local.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a cold-start probe prints on its one line of output: when main began (JVM start-up), how long each step
 * took, the JVM's uptime when the first answer was in, the CPU time the process had used by then, and its peak
 * resident memory.
 */
final class ProbeReport {
    /**
     * The launching benchmark's clock ({@code System.currentTimeMillis()}) when it started this JVM: the probe's
     * times count from there without the JDK's management beans, whose start (~30-40 ms of a 2-core start, measured
     * 2026-12-04) every probe paid inside its measured steps before.
     */
    static final String LAUNCHED_AT = "campaignmanager.bench.launched-at-ms";

    private final StringBuilder line = new StringBuilder("probe");
    private long stepStarted;

    ProbeReport() {
        field("jvmMs", sinceLaunch());
        stepStarted = System.nanoTime();
    }

    /** Ends the current step, recording its duration under {@code name}. */
    void step(String name) {
        long now = System.nanoTime();
        field(name + "Ms", (now - stepStarted) / 1_000_000);
        stepStarted = now;
    }

    /** Records a measured value (not a step). */
    void value(String name, long value) {
        field(name, value);
        stepStarted = System.nanoTime();
    }

    /** Prints the line and ends the JVM: the measurement is over, and SDK or logging threads must not hold it. */
    void printAndExit() {
        field("totalMs", sinceLaunch());
        field("cpuMs", processCpuMs());
        field("rssKb", peakRssKb());
        System.out.println(line);
        System.out.flush();
        System.exit(0);
    }

    /** Since the benchmark launched this JVM; the JVM's uptime where no benchmark launched it. */
    static long sinceLaunch() {
        String launchedAt = System.getProperty(LAUNCHED_AT);
        return launchedAt == null ? ManagementFactory.getRuntimeMXBean().getUptime()
                : System.currentTimeMillis() - Long.parseLong(launchedAt);
    }

    private void field(String name, long value) {
        line.append(' ').append(name).append('=').append(value);
    }

    /**
     * Every thread's CPU time, the JIT compiler's and the garbage collector's included: the work a start needs,
     * whatever the number of cores it had (a Lambda function gets a share of a vCPU that grows with its memory).
     */
    static long processCpuMs() {
        try {
            // /proc/self/stat: utime and stime, in clock ticks of 10 ms, after the command name in parentheses.
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException notLinux) {
            // Below.
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }

    /** VmHWM: the most resident memory the process had, which is what a Lambda memory size must cover. */
    private static long peakRssKb() {
        try {
            for (String status : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (status.startsWith("VmHWM:")) {
                    return Long.parseLong(status.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
