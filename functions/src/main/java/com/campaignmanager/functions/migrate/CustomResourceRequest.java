package com.campaignmanager.functions.migrate;

import com.fasterxml.jackson.databind.JsonNode;

/** The part of a CloudFormation custom resource request that the migration resource needs. */
record CustomResourceRequest(String requestType, String responseUrl, String stackId, String requestId,
                             String logicalResourceId, String physicalResourceId) {

    static boolean isOne(JsonNode event) {
        return event != null && event.hasNonNull("RequestType") && event.hasNonNull("ResponseURL");
    }

    static CustomResourceRequest from(JsonNode event) {
        return new CustomResourceRequest(event.get("RequestType").asText(), event.get("ResponseURL").asText(),
                event.path("StackId").asText(), event.path("RequestId").asText(),
                event.path("LogicalResourceId").asText(),
                event.hasNonNull("PhysicalResourceId") ? event.get("PhysicalResourceId").asText() : null);
    }
}
