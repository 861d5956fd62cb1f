package com.campaignmanager.shared.audience.mailjet;

import com.campaignmanager.shared.json.RequestJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a webhook body: one event object, or an array of them (Mailjet groups events about once a second). The
 * whole body is checked before anything is returned, so a bad batch is refused entirely and nothing of it stored.
 */
public final class MailjetEvents {
    private MailjetEvents() {
    }

    /** Thrown with a reason written for the sender; the webhook answers it with 400. */
    public static final class MalformedEventsException extends IllegalArgumentException {
        public MalformedEventsException(String reason) {
            super(reason);
        }
    }

    public static List<MailjetEvent> parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            throw new MalformedEventsException("the body is empty; send an event object or an array of them");
        }
        JsonNode root;
        try {
            root = RequestJson.parse(json, body);
        } catch (RequestJson.MalformedJsonException e) {
            throw new MalformedEventsException(e.field() == null ? e.getMessage() : e.field() + " " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedEventsException("the body is empty; send an event object or an array of them");
        }
        if (root.isObject()) {
            return List.of(MailjetEvent.of(root));
        }
        if (!root.isArray()) {
            throw new MalformedEventsException("the body must be an event object or an array of them");
        }
        List<MailjetEvent> events = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode element = root.get(i);
            if (!element.isObject()) {
                throw new MalformedEventsException("element [" + i + "] is not an event object");
            }
            events.add(MailjetEvent.of(element));
        }
        return events;
    }
}
