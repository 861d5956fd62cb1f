package com.campaignmanager.shared.db;

/** A cursor that this API did not hand out (or that was altered): the client's mistake, answered with a 400. */
public final class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException() {
        super("not a cursor this API returned");
    }
}
