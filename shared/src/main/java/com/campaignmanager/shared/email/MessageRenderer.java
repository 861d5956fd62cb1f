package com.campaignmanager.shared.email;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the merge fields of a message for one recipient: {@code {{firstName}}}, {@code {{lastName}}},
 * {@code {{email}}}, {@code {{unsubscribeUrl}}} and {@code {{attributes.X}}} (a dotted path reads nested
 * attributes). Values are HTML-escaped in the HTML body only; the subject loses its line breaks, so a value cannot
 * add a header. A missing value renders as empty; a field this class does not know is listed by
 * {@link #unresolved} so that preflight refuses the campaign before anyone receives an empty greeting.
 */
public final class MessageRenderer {
    /** Anything between double braces: the name is checked afterwards, so a typo is reported, not left in the mail. */
    private static final Pattern FIELD = Pattern.compile("\\{\\{(.*?)\\}\\}", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("attributes(\\.[A-Za-z0-9_-]+)+");
    private static final Set<String> FIELDS = Set.of("firstName", "lastName", "email", "unsubscribeUrl");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");

    /** The three parts of a message after merging. */
    public record Rendered(String subject, String html, String text) {
    }

    private MessageRenderer() {
    }

    public static Rendered render(String subject, String html, String text, Recipient recipient,
                                  String unsubscribeUrl) {
        return new Rendered(subject(subject, recipient, unsubscribeUrl), html(html, recipient, unsubscribeUrl),
                text(text, recipient, unsubscribeUrl));
    }

    /** The subject: values as they are, then every line break turned into a space (header injection). */
    public static String subject(String template, Recipient recipient, String unsubscribeUrl) {
        if (template == null) {
            return null;
        }
        String merged = merge(template, recipient, unsubscribeUrl, false);
        return LINE_BREAKS.matcher(merged).replaceAll(" ").strip();
    }

    public static String html(String template, Recipient recipient, String unsubscribeUrl) {
        return template == null ? null : merge(template, recipient, unsubscribeUrl, true);
    }

    public static String text(String template, Recipient recipient, String unsubscribeUrl) {
        return template == null ? null : merge(template, recipient, unsubscribeUrl, false);
    }

    /** The merge fields of {@code template} that this class cannot fill, each once, in order of appearance. */
    public static List<String> unresolved(String template) {
        if (template == null) {
            return List.of();
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = FIELD.matcher(template);
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            if (!isKnown(name)) {
                unknown.add(name);
            }
        }
        return new ArrayList<>(unknown);
    }

    public static boolean isKnown(String name) {
        return FIELDS.contains(name) || ATTRIBUTE.matcher(name).matches();
    }

    private static String merge(String template, Recipient recipient, String unsubscribeUrl, boolean escapeHtml) {
        Matcher matcher = FIELD.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String value = valueOf(matcher.group(1).strip(), recipient, unsubscribeUrl);
            matcher.appendReplacement(out, "");
            out.append(escapeHtml ? escapeHtml(value) : value);
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String valueOf(String name, Recipient recipient, String unsubscribeUrl) {
        Object value = switch (name) {
            case "firstName" -> recipient.firstName();
            case "lastName" -> recipient.lastName();
            case "email" -> recipient.email();
            case "unsubscribeUrl" -> unsubscribeUrl;
            default -> ATTRIBUTE.matcher(name).matches() ? attribute(recipient.attributes(), name) : null;
        };
        return value == null ? "" : value.toString();
    }

    private static Object attribute(Map<String, Object> attributes, String name) {
        Object current = attributes;
        for (String key : name.substring("attributes.".length()).split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static String escapeHtml(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (entity != null) {
                    out.append(entity);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
