package com.campaignmanager.shared.http;

import java.util.HashMap;
import java.util.Map;

/**
 * What a route answers: a status, a body the dispatcher writes as JSON (null for none), and extra headers.
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(Object body, String location) {
        return new ApiResponse(201, body, Map.of("location", location));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    public static ApiResponse status(int status, Object body) {
        return new ApiResponse(status, body, Map.of());
    }

    /** With the resource's version as its {@code ETag}, which edits and decisions take back as {@code If-Match}. */
    public ApiResponse withVersion(int version) {
        Map<String, String> withTag = new HashMap<>(headers);
        withTag.put("etag", "\"" + version + "\"");
        return new ApiResponse(status, body, withTag);
    }
}
