package com.campaignmanager.shared.audience.segments;

/**
 * What a condition looks at: a contact's address, names or creation time, or one of its attributes
 * ({@code attributes.plan}: {@code key} is {@code plan}, taken as data, whatever characters it holds).
 */
public record ContactField(Kind kind, String key) {
    public static final int MAX_KEY_LENGTH = 100;

    public enum Kind { EMAIL, FIRST_NAME, LAST_NAME, CREATED_AT, ATTRIBUTE }

    private static final String ATTRIBUTES = "attributes.";

    /** The field named {@code name}, or null when no field has that name. */
    public static ContactField parse(String name) {
        return switch (name) {
            case "email" -> new ContactField(Kind.EMAIL, null);
            case "firstName" -> new ContactField(Kind.FIRST_NAME, null);
            case "lastName" -> new ContactField(Kind.LAST_NAME, null);
            case "createdAt" -> new ContactField(Kind.CREATED_AT, null);
            default -> {
                String key = name.startsWith(ATTRIBUTES) ? name.substring(ATTRIBUTES.length()) : "";
                yield key.isBlank() || key.length() > MAX_KEY_LENGTH ? null : new ContactField(Kind.ATTRIBUTE, key);
            }
        };
    }

    /** A text column of the contact (compared without regard to case). */
    public boolean isText() {
        return kind == Kind.EMAIL || kind == Kind.FIRST_NAME || kind == Kind.LAST_NAME;
    }
}
