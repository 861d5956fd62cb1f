package com.campaignmanager.functions.mcp;

import com.campaignmanager.shared.db.StorableText;
import com.campaignmanager.shared.db.StorableTime;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tool call's arguments. Their shape (names, types, what is required) was checked against the tool's input
 * schema before; here each value is read as the API reads query parameters and bodies, and a value that cannot be
 * used (not a date, an unknown zone) is a 400 problem naming the argument, which the assistant can correct.
 */
final class ToolArguments {
    /** Lists answer fewer items than the API's pages: a result must stay small in an assistant's context. */
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final JsonNode arguments;
    private final Optional<String> gatewayDomain;

    ToolArguments(JsonNode arguments) {
        this(arguments, Optional.empty());
    }

    /** {@code gatewayDomain}: the API Gateway domain the call came on (for links, see PublicApiUrl#forRequest). */
    ToolArguments(JsonNode arguments, Optional<String> gatewayDomain) {
        this.arguments = arguments;
        this.gatewayDomain = gatewayDomain;
    }

    /** Not an argument: where the call came from, for the links a tool renders. */
    Optional<String> gatewayDomain() {
        return gatewayDomain;
    }

    /** The text as given (bodies keep their white space); empty when absent or null. */
    Optional<String> text(String name) {
        JsonNode value = arguments.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText();
        StorableText.problem(text).ifPresent(problem -> {
            throw ApiProblem.invalid(name, problem);
        });
        return Optional.of(text);
    }

    /** The text, trimmed; empty when absent, null or blank (as the API treats query parameters). */
    Optional<String> word(String name) {
        return text(name).map(String::strip).filter(text -> !text.isEmpty());
    }

    String requiredWord(String name) {
        return word(name).orElseThrow(() -> ApiProblem.invalid(name, "is required"));
    }

    UUID uuid(String name) {
        return optionalUuid(name).orElseThrow(() -> ApiProblem.invalid(name, "is required"));
    }

    Optional<UUID> optionalUuid(String name) {
        return word(name).map(text -> parseUuid(name, text));
    }

    /** An array of ids; null when absent. */
    List<UUID> uuids(String name) {
        JsonNode value = arguments.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            ids.add(parseUuid(name + "[" + i + "]", value.get(i).asText()));
        }
        return ids;
    }

    Optional<LocalDate> date(String name) {
        return word(name).map(text -> {
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid(name, "must be a date as YYYY-MM-DD");
            }
            if (!StorableTime.holds(date)) {
                throw ApiProblem.invalid(name, StorableTime.RANGE);
            }
            return date;
        });
    }

    Optional<OffsetDateTime> dateTime(String name) {
        return word(name).map(text -> {
            OffsetDateTime time;
            try {
                time = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid(name, "must be an ISO-8601 time with an offset, e.g. 2025-10-03T09:00:00+02:00");
            }
            if (!StorableTime.holds(time.toInstant())) {
                throw ApiProblem.invalid(name, StorableTime.RANGE);
            }
            return time;
        });
    }

    Optional<Instant> instant(String name) {
        return dateTime(name).map(OffsetDateTime::toInstant);
    }

    Optional<ZoneId> zone(String name) {
        return word(name).map(text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw ApiProblem.invalid(name, "is not an IANA time zone such as America/New_York");
            }
        });
    }

    Optional<Integer> integer(String name) {
        JsonNode value = arguments.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asInt());
    }

    /** A JSON value as given (an object such as a round's conditions); empty when absent or null. */
    Optional<JsonNode> json(String name) {
        JsonNode value = arguments.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    Optional<Boolean> bool(String name) {
        JsonNode value = arguments.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asBoolean());
    }

    /** {@code limit} (the schema bounds it) and {@code cursor}. */
    PageRequest page() {
        return new PageRequest(integer("limit").orElse(DEFAULT_LIMIT), word("cursor").orElse(null));
    }

    private static UUID parseUuid(String name, String text) {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // Said below.
        }
        throw ApiProblem.invalid(name, "must be an id as the other tools give it (a UUID)");
    }
}
