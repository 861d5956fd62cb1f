package com.campaignmanager.functions.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.campaignmanager.functions.testing.ApiCall;
import com.campaignmanager.functions.testing.FunctionEnvironment;
import com.campaignmanager.local.dataapi.DataApiFault;
import com.campaignmanager.local.dataapi.LocalDataApiExtension;
import com.campaignmanager.shared.aws.RdsDataClientFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;

@ExtendWith(LocalDataApiExtension.class)
class HealthHandlerTest {

    @BeforeAll
    static void environment() {
        FunctionEnvironment.install();
    }

    /** The sample request of events/health/, as the Lambda runtime deserialises it. */
    private static APIGatewayV2HTTPEvent healthRequest() {
        return ApiCall.load("events/health/get-health.json");
    }

    @ParameterizedTest(name = "events/health, sample {index}")
    @Events(folder = "events/health", type = APIGatewayV2HTTPEvent.class)
    void everySampleEventIsAnsweredWithoutAToken(APIGatewayV2HTTPEvent sample) {
        APIGatewayV2HTTPResponse response = new HealthHandler().handleRequest(sample, null);

        assertThat(sample.getRequestContext().getAuthorizer()).isNull();
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
    }

    @Test
    void reportsTheDatabaseAndVersion() {
        APIGatewayV2HTTPResponse response = new HealthHandler().handleRequest(healthRequest(), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("cache-control", "no-store");
        assertThat(response.getBody()).matches(
                "\\{\"status\":\"ok\",\"database\":\\{\"status\":\"ok\",\"latencyMs\":\\d+},\"version\":\"[^\"]+\"}");
    }

    @Test
    void aThousandInvocationsShareTheContainersOneClient() {
        APIGatewayV2HTTPEvent request = healthRequest();
        int before = RdsDataClientFactory.clientsBuilt();
        APIGatewayV2HTTPResponse first = new HealthHandler().handleRequest(request, null);
        int afterFirst = RdsDataClientFactory.clientsBuilt();

        for (int i = 0; i < 999; i++) {
            // A new handler instance each time, as a worst case: the component lives in a static field.
            assertThat(new HealthHandler().handleRequest(request, null).getStatusCode())
                    .isEqualTo(200);
        }

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getBody()).contains("\"status\":\"ok\"");
        assertThat(afterFirst - before).isLessThanOrEqualTo(1);
        assertThat(RdsDataClientFactory.clientsBuilt()).isEqualTo(afterFirst);
    }

    @Test
    void answers503WhenTheDatabaseDoesNot() {
        LocalDataApiExtension.dataApi().faults().failNext(20, DataApiFault.DATABASE_UNAVAILABLE);
        try {
            APIGatewayV2HTTPResponse response = new HealthHandler().handleRequest(healthRequest(), null);

            assertThat(response.getStatusCode()).isEqualTo(503);
            assertThat(response.getBody()).doesNotContain("Exception").contains("\"status\":\"degraded\"")
                    .contains("\"status\":\"unavailable\"");
        } finally {
            LocalDataApiExtension.dataApi().faults().clear();
        }
    }
}
