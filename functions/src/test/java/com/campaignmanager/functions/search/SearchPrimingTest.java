package com.campaignmanager.functions.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.PrimingCheck;
import com.campaignmanager.shared.priming.PrimingReport;
import org.junit.jupiter.api.Test;

class SearchPrimingTest {

    @Test
    void primesWithNoDatabaseAndNoNetworkAndWritesNothing() throws Exception {
        try (PrimingCheck check = new PrimingCheck()) {
            PrimingReport report = check.primeWithoutDatabase(settings -> SearchComponent.priming(
                    DaggerSearchComponent.builder().settingsModule(settings).build().dispatcher()));

        assertThat(report.primed()).anyMatch(call -> call.endsWith("-> 404"));
            // Its main read's response type was written through its JSON, with made-up values.
            assertThat(report.primed()).contains("GET /search answer");
            // A signed-in caller's claims were read (no priming request carries a token).
            assertThat(report.primed()).contains("caller claims");
        }
    }
}
