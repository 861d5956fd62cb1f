package com.campaignmanager.shared.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer other than success, as an RFC 9457 problem. Thrown anywhere in a route; the dispatcher turns it into
 * an {@code application/problem+json} response. Extensions carry machine-readable extras (e.g. a checklist).
 */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ApiProblem(400, "Bad Request", detail, errors, Map.of());
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Bad Request", detail, List.of(), Map.of());
    }

    public static ApiProblem unauthorized() {
        return new ApiProblem(401, "Unauthorized", "a valid bearer token is required", List.of(), Map.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, List.of(), Map.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail, List.of(), Map.of());
    }

    public static ApiProblem methodNotAllowed(String detail) {
        return new ApiProblem(405, "Method Not Allowed", detail, List.of(), Map.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, List.of(), Map.of());
    }

    public static ApiProblem conflict(String field, String detail) {
        return new ApiProblem(409, "Conflict", detail, List.of(new FieldError(field, detail)), Map.of());
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(413, "Payload Too Large", detail, List.of(), Map.of());
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(415, "Unsupported Media Type", detail, List.of(), Map.of());
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(422, "Unprocessable Content", detail, List.of(), Map.of());
    }

    public static ApiProblem unprocessable(String detail, Map<String, Object> extensions) {
        return new ApiProblem(422, "Unprocessable Content", detail, List.of(), extensions);
    }

    /** 422 naming the field: well-formed, but it points at something that cannot be used (e.g. an unknown id). */
    public static ApiProblem unprocessableField(String field, String detail) {
        return new ApiProblem(422, "Unprocessable Content", field + " " + detail,
                List.of(new FieldError(field, detail)), Map.of());
    }

    /** A decision on a version that is no longer the current one (If-Match / {@code version}). */
    public static ApiProblem preconditionFailed(String detail, Map<String, Object> extensions) {
        return new ApiProblem(412, "Precondition Failed", detail, List.of(), extensions);
    }

    /** A limit reached; the answer says when to try again (also as a {@code Retry-After} header). */
    public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiProblem(429, "Too Many Requests", detail, List.of(),
                Map.of("retryAfterSeconds", Math.max(1, retryAfterSeconds)));
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Service Unavailable", detail, List.of(), Map.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The machine-readable extras (e.g. a checklist, the current version). */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The problem document (without instance and requestId, which the dispatcher adds). */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        body.putAll(extensions);
        return body;
    }
}
