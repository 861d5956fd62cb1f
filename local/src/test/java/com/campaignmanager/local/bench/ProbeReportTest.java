package com.campaignmanager.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The probe's clocks: from the benchmark's launch, and the process's CPU time read from /proc, as the JDK reads it. */
class ProbeReportTest {
    @Test
    void timesCountFromTheLaunchTheBenchmarkPassesAndFromTheJvmsStartWithoutIt() {
        String before = System.getProperty(ProbeReport.LAUNCHED_AT);
        try {
            System.setProperty(ProbeReport.LAUNCHED_AT, Long.toString(System.currentTimeMillis() - 5_000));
            assertThat(ProbeReport.sinceLaunch()).isBetween(5_000L, 6_000L);

            System.clearProperty(ProbeReport.LAUNCHED_AT);
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            assertThat(ProbeReport.sinceLaunch()).isBetween(uptime, uptime + 1_000);
        } finally {
            if (before != null) {
                System.setProperty(ProbeReport.LAUNCHED_AT, before);
            }
        }
    }

    @Test
    void cpuTimeIsTheProcessesAsTheManagementBeanGivesIt() {
        long ours = ProbeReport.processCpuMs();
        long jdk = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        long after = ProbeReport.processCpuMs();

        // /proc counts in ticks of 10 ms.
        assertThat(ours).isPositive().isLessThanOrEqualTo(jdk + 10);
        assertThat(after).isGreaterThanOrEqualTo(jdk - 10);
    }
}
