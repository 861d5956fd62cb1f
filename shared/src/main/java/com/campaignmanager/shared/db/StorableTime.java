package com.campaignmanager.shared.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The days a client may name, in a query, a body or a cursor: earlier or later is a mistake, and the Data API's
 * timestamps go no further than year 9999 (a year beyond, or before year 1, is refused by the database). The last
 * day leaves one to spare, so that the end of a range (the next midnight, in any zone) is still within it.
 */
public final class StorableTime {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 30);
    /** Written to follow the field's name: {@code dueAt must be from 1900-01-01 to 9999-12-30}. */
    public static final String RANGE = "must be from " + EARLIEST + " to " + LATEST;

    private static final Instant FIRST = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private StorableTime() {
    }

    public static boolean holds(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean holds(Instant instant) {
        return !instant.isBefore(FIRST) && instant.isBefore(END);
    }
}
