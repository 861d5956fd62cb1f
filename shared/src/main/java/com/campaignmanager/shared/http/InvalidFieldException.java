package com.campaignmanager.shared.http;

/**
 * Thrown by a request record's constructor when a value is not acceptable, naming the field, so that the 400
 * answer points at it (e.g. {@code contacts[3].email}) even though Jackson only knows the object being built.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
