package com.campaignmanager.shared.http;

/** One route of a function, e.g. the method behind {@code "POST /rounds/{roundId}/approve"}. */
@FunctionalInterface
public interface Route {
    ApiResponse handle(ApiRequest request);
}
