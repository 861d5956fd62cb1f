package com.campaignmanager.shared.http;

/** A response body sent as it is (an HTML page), not as JSON. */
public record TextBody(String contentType, String text) {
}
