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
    private final StringBuilder line = new StringBuilder("probe");
    private long stepStarted = System.nanoTime();

    ProbeReport() {
        field("jvmMs", ManagementFactory.getRuntimeMXBean().getUptime());
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
        field("totalMs", ManagementFactory.getRuntimeMXBean().getUptime());
        field("cpuMs", processCpuMs());
        field("rssKb", peakRssKb());
        System.out.println(line);
        System.out.flush();
        System.exit(0);
    }

    private void field(String name, long value) {
        line.append(' ').append(name).append('=').append(value);
    }

    /**
     * Every thread's CPU time, the JIT compiler's and the garbage collector's included: the work a start needs,
     * whatever the number of cores it had (a Lambda function gets a share of a vCPU that grows with its memory).
     */
    private static long processCpuMs() {
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
