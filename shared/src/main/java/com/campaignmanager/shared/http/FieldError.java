package com.campaignmanager.shared.http;

/** One field at fault in a request: {@code field} is a JSON path such as {@code contacts[3].email}. */
public record FieldError(String field, String message) {
}
