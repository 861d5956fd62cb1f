package com.campaignmanager.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.campaignmanager.shared.db.StorableText;
import com.campaignmanager.shared.db.StorableTime;
import com.campaignmanager.shared.json.RequestJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One API Gateway HTTP API (payload 2.0) request, with typed and validated access to what a route reads. Every
 * malformed input becomes a 400 problem naming the field, never an exception from deep inside.
 */
public final class ApiRequest {
    /** Lambda's synchronous payload limit; API Gateway would have refused more anyway. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final Caller caller;
    private final ObjectMapper json;
    private final String requestId;

    ApiRequest(APIGatewayV2HTTPEvent event, Caller caller, ObjectMapper json, String requestId) {
        this.event = event;
        this.caller = caller;
        this.json = json;
        this.requestId = requestId;
    }

    public Caller caller() {
        return caller;
    }

    public String requestId() {
        return requestId;
    }

    /** The caller and this request, as the application services take them. */
    public Acting acting() {
        return new Acting(caller, requestId);
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    public String method() {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        return context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
    }

    public String path() {
        return event.getRawPath();
    }

    /** The domain API Gateway received the request on ({@code requestContext.domainName}): set by it, not the caller. */
    public Optional<String> gatewayDomain() {
        return Optional.ofNullable(event.getRequestContext()).map(c -> c.getDomainName());
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(value);
    }

    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw ApiProblem.notFound("no " + name + " in the path");
        }
        StorableText.problem(value).ifPresent(problem -> {
            throw ApiProblem.invalid(name, problem);
        });
        return value;
    }

    /** A path id: one that is not a UUID cannot name anything, so it is a 404 like any unknown id. */
    public UUID pathUuid(String name) {
        String value = pathParameter(name);
        return uuid(value).orElseThrow(() -> ApiProblem.notFound(name + " " + value + " does not exist"));
    }

    /** {@code ?name=<uuid>}; empty when absent, 400 naming it when it is not a UUID. */
    public Optional<UUID> queryUuid(String name) {
        return query(name).map(value -> uuid(value)
                .orElseThrow(() -> ApiProblem.invalid(name, "is not an id (a UUID)")));
    }

    /** Only the canonical form: {@code UUID.fromString} also takes short groups such as {@code 1-1-1-1-1}. */
    private static Optional<UUID> uuid(String value) {
        try {
            UUID id = UUID.fromString(value);
            return id.toString().equalsIgnoreCase(value) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The version a change or a decision is about: {@code If-Match} (the ETag of the resource's GET: {@code "3"},
     * {@code W/"3"}; {@code *} is any) or the body's {@code version}; neither means "whatever it is now" (scripts).
     */
    public Optional<Integer> seenVersion(Integer inBody) {
        Optional<String> ifMatch = header("if-match").map(String::strip).filter(v -> !v.equals("*"));
        if (ifMatch.isEmpty()) {
            return Optional.ofNullable(inBody);
        }
        String tag = ifMatch.get().startsWith("W/") ? ifMatch.get().substring(2) : ifMatch.get();
        int version;
        try {
            version = Integer.parseInt(tag.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "must be the ETag its GET answered, e.g. \"3\"");
        }
        if (inBody != null && inBody != version) {
            throw ApiProblem.invalid("version", "differs from If-Match");
        }
        return Optional.of(version);
    }

    /** {@code ?name=}, trimmed; empty when absent or blank, 400 naming it for text the database cannot take. */
    public Optional<String> query(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        StorableText.problem(value).ifPresent(problem -> {
            throw ApiProblem.invalid(name, problem);
        });
        return Optional.of(value.trim());
    }

    /** {@code ?name=YYYY-MM-DD}, within {@link StorableTime}; 400 naming it otherwise. */
    public Optional<LocalDate> queryDate(String name) {
        return query(name).map(value -> {
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid(name, "must be a date as YYYY-MM-DD");
            }
            if (!StorableTime.holds(date)) {
                throw ApiProblem.invalid(name, StorableTime.RANGE);
            }
            return date;
        });
    }

    /** {@code ?name=} an ISO-8601 time with its offset, within {@link StorableTime}; 400 naming it otherwise. */
    public Optional<Instant> queryInstant(String name) {
        return query(name).map(value -> {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid(name, "must be an ISO-8601 time with an offset, e.g. 2025-10-03T00:00:00Z");
            }
            if (!StorableTime.holds(instant)) {
                throw ApiProblem.invalid(name, StorableTime.RANGE);
            }
            return instant;
        });
    }

    /** {@code ?name=Area/City} (or an offset such as +02:00); 400 naming it for anything else. */
    public Optional<ZoneId> queryZone(String name) {
        return query(name).map(value -> {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw ApiProblem.invalid(name, "is not an IANA time zone such as America/New_York");
            }
        });
    }

    public int queryInt(String name, int defaultValue, int min, int max) {
        Optional<String> text = query(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.get());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "must be a whole number");
        }
        if (value < min || value > max) {
            throw ApiProblem.invalid(name, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** {@code ?name=true|false}; empty when absent, 400 naming it for anything else. */
    public Optional<Boolean> queryBoolean(String name) {
        return query(name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiProblem.invalid(name, "must be true or false");
        });
    }

    /** {@code ?limit=&cursor=}. */
    public PageRequest page() {
        int limit = queryInt("limit", PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        return new PageRequest(limit, query("cursor").orElse(null));
    }

    /** The raw body as text (base64 bodies decoded); empty when there is none. */
    public String bodyText() {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        if (event.getIsBase64Encoded()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("the body is not valid base64");
            }
            try {
                // Strict: a byte that is not UTF-8 is refused, not silently replaced.
                body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw ApiProblem.badRequest("the body is not valid UTF-8");
            }
        }
        if (body.length() > MAX_BODY_BYTES) {
            throw ApiProblem.payloadTooLarge("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    /** The JSON body as {@code type}: 415 for another media type, 400 naming the field for anything malformed. */
    public <T> T body(Class<T> type) {
        String contentType = header("content-type").orElse("application/json").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json") && !contentType.contains("+json")) {
            throw ApiProblem.unsupportedMediaType("send the body as application/json, not " + contentType);
        }
        String text = bodyText();
        if (text.isBlank()) {
            throw ApiProblem.badRequest("a JSON body is required");
        }
        JsonNode tree;
        try {
            tree = RequestJson.parse(json, text);
        } catch (RequestJson.MalformedJsonException e) {
            throw e.field() == null ? ApiProblem.badRequest(e.getMessage()) : ApiProblem.invalid(e.field(), e.getMessage());
        }
        try {
            T value = tree.isNull() ? null : json.treeToValue(tree, type);
            if (value == null) {
                throw ApiProblem.badRequest("a JSON body is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.invalid(path(e), "is not a known field");
        } catch (InvalidFormatException e) {
            throw ApiProblem.invalid(path(e), "has an invalid value " + describe(e.getValue()));
        } catch (MismatchedInputException e) {
            throw ApiProblem.invalid(path(e).isEmpty() ? "body" : path(e), "has the wrong type or is missing");
        } catch (JsonMappingException e) {
            // A record constructor refused a value; its message is written for clients.
            String path = path(e);
            if (e.getCause() instanceof InvalidFieldException invalid) {
                throw ApiProblem.invalid(path.isEmpty() ? invalid.field() : path + "." + invalid.field(),
                        invalid.getMessage());
            }
            Throwable cause = e.getCause();
            String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "is invalid";
            throw ApiProblem.invalid(path.isEmpty() ? "body" : path, message);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The text was valid JSON (parsed above), so what is left is a value that does not fit its type.
            throw ApiProblem.invalid("body", "has a value of the wrong type or out of range");
        }
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? "'" + text.substring(0, 60) + "…'" : "'" + text + "'";
    }

    /** {@code contacts[3].email} from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
