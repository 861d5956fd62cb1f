package com.campaignmanager.shared.http;

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
}
