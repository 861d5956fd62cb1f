package com.campaignmanager.functions.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignmanager.shared.config.DatabaseSettings;
import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.priming.Priming;
import com.campaignmanager.shared.priming.PrimingReport;
import com.campaignmanager.shared.settings.SettingsModule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpPrimingTest {

    @Test
    void primesWithNoDatabaseAndNoNetworkAndWritesNothing() {
        // The Data API endpoint is a port nothing listens on: a call that reached it would fail the priming.
        SettingsModule settings = new SettingsModule(Environment.of(Map.of(
                DatabaseSettings.CLUSTER_ARN, "arn:aws:rds:us-east-1:123456789012:cluster:absent",
                DatabaseSettings.SECRET_ARN, "arn:aws:secretsmanager:us-east-1:123456789012:secret:absent",
                DatabaseSettings.DATABASE, "absent",
                DatabaseSettings.REGION, "us-east-1",
                DatabaseSettings.ENDPOINT, "http://127.0.0.1:1",
                "JWT_ISSUER", "https://issuer.test.example",
                "PUBLIC_API_URL", "https://api.test.example",
                "UNSUBSCRIBE_SIGNING_KEY", "test-unsubscribe-signing-key-for-the-priming-tests")));

        Priming priming = McpComponent.priming(DaggerMcpComponent.builder().settingsModule(settings).build());
        PrimingReport report = priming.prime();

        // A tool call that reached the database would fail the caller lookup or the query, not answer isError.
        assertThat(report.failed()).as("priming calls not answered as expected").isEmpty();
        assertThat(report.primed()).hasSize(8).anyMatch(call -> call.endsWith("-> 400"))
                .contains("list_campaigns result");
        // The JSON-RPC messages, the made-up result and the transport's refusals only before a snapshot.
        assertThat(priming.prime(Priming.Depth.ON_DEMAND).primed())
                .containsExactly("GET /.well-known/oauth-protected-resource -> 200");
    }
}
