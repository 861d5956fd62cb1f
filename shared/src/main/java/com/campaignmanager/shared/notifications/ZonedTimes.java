package com.campaignmanager.shared.notifications;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times in notices as people read them: in the campaign's zone, with the zone named. */
public final class ZonedTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    private ZonedTimes() {
    }

    public static String format(Instant at, String timezone) {
        if (at == null) {
            return "(no time)";
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone == null ? "UTC" : timezone);
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        return FORMAT.format(at.atZone(zone));
    }
}
