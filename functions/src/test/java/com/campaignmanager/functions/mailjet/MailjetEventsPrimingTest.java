package com.campaignmanager.functions.mailjet;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.functions.testing.PrimingCheck;
import com.campaignmanager.shared.priming.PrimingReport;
import org.junit.jupiter.api.Test;

class MailjetEventsPrimingTest {

    @Test
    void primesWithNoDatabaseAndNoNetworkAndWritesNothing() throws Exception {
        try (PrimingCheck check = new PrimingCheck()) {
            PrimingReport report = check.primeWithoutDatabase(settings -> {
                MailjetEventsComponent component = DaggerMailjetEventsComponent.builder().settingsModule(settings).build();
                return MailjetEventsComponent.priming(component.dispatcher(), component.json());
            });

            assertThat(report.primed()).anyMatch(call -> call.endsWith("-> 404"));
            assertThat(report.primed()).contains("mailjet event read");
            // Its main read's response type was written through its JSON, with made-up values.
            assertThat(report.primed()).contains("POST /webhooks/mailjet answer");
        }
    }
}
