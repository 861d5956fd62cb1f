package com.campaignmanager.functions.bouncecleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.PrimingCheck;
import com.campaignmanager.shared.priming.PrimingReport;
import org.junit.jupiter.api.Test;

class BounceCleanupPrimingTest {

    @Test
    void primesWithNoDatabaseAndNoNetworkAndWritesNothing() throws Exception {
        try (PrimingCheck check = new PrimingCheck()) {
            PrimingReport report = check.primeWithoutDatabase(settings -> BounceCleanupComponent.priming(
                    DaggerBounceCleanupComponent.builder().settingsModule(settings).build().jobRunner()));

        assertThat(report.primed()).containsExactly("job event");
        }
    }
}
