package com.campaignmanager.shared.audience;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Page;
import com.campaignmanager.shared.http.Acting;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.Role;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The global never-mail list, applied at send time, for every entry point: its addresses are personal data;
 * editors add manual suppressions; only admins lift one, and never one for a spam complaint or an erasure.
 */
@Singleton
public final class Suppressions {
    /** A suppression added by hand; {@code reason}, when given, can only be {@code manual}. */
    public record NewSuppression(String email, String reason) {
    }

    /** The entry as stored, and the address as given (its key in {@code /suppressions/{email}}). */
    public record Added(Suppression suppression, EmailAddress address) {
    }

    private final Database database;
    private final SuppressionRepository suppressions;

    @Inject
    public Suppressions(Database database, SuppressionRepository suppressions) {
        this.database = database;
        this.suppressions = suppressions;
    }

    /** {@code reason} (a reason's wire name) and {@code q} filter when given. */
    public Page<Suppression> page(Acting acting, String reason, String q, PageRequest page) {
        acting.caller().requirePersonalData();
        SuppressionReason byReason = reason == null ? null : SuppressionReason.fromWireName(reason)
                .orElseThrow(() -> ApiProblem.invalid("reason", "is not a suppression reason"));
        return suppressions.page(database, byReason, q, page.after(2), page.limit());
    }

    /** Suppresses the address by hand (audited); an address already suppressed keeps its first reason. */
    public Added add(Acting acting, NewSuppression fields) {
        acting.caller().require(Role.EDITOR);
        if (fields.email() == null) {
            throw ApiProblem.invalid("email", "is required");
        }
        if (fields.reason() != null && !fields.reason().equals("manual")) {
            throw ApiProblem.invalid("reason", "only manual suppressions are added by hand");
        }
        EmailAddress email = email(fields.email());
        database.inTransaction(tx -> suppressions.suppress(tx, email, SuppressionReason.MANUAL,
                "user:" + acting.caller().subject(), acting));
        return new Added(suppressions.find(database, email).orElseThrow(), email);
    }

    /** Admin only, and never for a spam complaint or an erasure. */
    public void lift(Acting acting, String address) {
        acting.caller().require(Role.ADMIN);
        EmailAddress email = email(address);
        database.inTransaction(tx -> {
            Suppression existing = suppressions.find(tx, email)
                    .orElseThrow(() -> ApiProblem.notFound(email.value() + " is not suppressed"));
            if (SuppressionReason.fromWireName(existing.reason()).map(SuppressionReason::isPermanent).orElse(true)) {
                throw ApiProblem.conflict("a " + existing.reason() + " suppression is never lifted");
            }
            return suppressions.lift(tx, email, acting.actor());
        });
    }

    private static EmailAddress email(String value) {
        try {
            return EmailAddress.parse(value);
        } catch (EmailAddress.InvalidEmailException e) {
            throw ApiProblem.invalid("email", e.getMessage());
        }
    }
}
