package com.campaignmanager.shared.campaigns;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * "What went out when": the rounds launched between two dates (both inclusive) in a time zone, with who
 * triggered and who approved them and their counts — the question nobody could answer after the Round 3 incident.
 */
@Singleton
public final class Sends {
    private final Database database;
    private final RoundRepository rounds;

    @Inject
    public Sends(Database database, RoundRepository rounds) {
        this.database = database;
        this.rounds = rounds;
    }

    public Page<RoundRepository.Send> between(Acting acting, LocalDate from, LocalDate to, ZoneId zone,
                                              PageRequest page) {
        acting.caller().requireReader();
        if (from == null) {
            throw ApiProblem.invalid("from", "is required (YYYY-MM-DD)");
        }
        if (to == null) {
            throw ApiProblem.invalid("to", "is required (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "is before from");
        }
        return rounds.sends(database, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                page.after(2), page.limit());
    }
}
