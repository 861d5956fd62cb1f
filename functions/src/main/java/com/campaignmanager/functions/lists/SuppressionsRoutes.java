package com.campaignmanager.functions.lists;

import com.campaignmanager.shared.audience.EmailAddress;
import com.campaignmanager.shared.audience.SuppressionReason;
import com.campaignmanager.shared.audience.SuppressionRepository;
import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.http.ApiProblem;
import com.campaignmanager.shared.http.ApiRequest;
import com.campaignmanager.shared.http.ApiResponse;
import com.campaignmanager.shared.http.InvalidFieldException;
import com.campaignmanager.shared.http.PageRequest;
import com.campaignmanager.shared.http.PageResponse;
import com.campaignmanager.shared.http.Role;
import com.campaignmanager.shared.http.Routes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.inject.Inject;

/** {@code /suppressions}: the global never-mail list, applied at send time. */
final class SuppressionsRoutes {
    record AddSuppression(String email, String reason) {
        AddSuppression {
            if (email == null) {
                throw new InvalidFieldException("email", "is required");
            }
            if (reason != null && !reason.equals("manual")) {
                throw new InvalidFieldException("reason", "only manual suppressions are added by hand");
            }
        }
    }

    private final Database database;
    private final SuppressionRepository suppressions;

    @Inject
    SuppressionsRoutes(Database database, SuppressionRepository suppressions) {
        this.database = database;
        this.suppressions = suppressions;
    }

    void addTo(Routes.Builder routes) {
        routes.add("GET /suppressions", this::page)
                .add("POST /suppressions", this::add)
                .add("DELETE /suppressions/{email}", this::lift);
    }

    private ApiResponse page(ApiRequest request) {
        request.caller().requirePersonalData();
        SuppressionReason reason = request.query("reason").map(r -> SuppressionReason.fromWireName(r)
                .orElseThrow(() -> ApiProblem.invalid("reason", "is not a suppression reason"))).orElse(null);
        PageRequest page = request.page();
        return ApiResponse.ok(PageResponse.of(suppressions.page(database, reason, request.query("q").orElse(null),
                page.after(2), page.limit())));
    }

    private ApiResponse add(ApiRequest request) {
        request.caller().require(Role.EDITOR);
        AddSuppression body = request.body(AddSuppression.class);
        EmailAddress email = email(body.email(), "email");
        database.inTransaction(tx -> suppressions.suppress(tx, email, SuppressionReason.MANUAL,
                "user:" + request.caller().subject(), null, request.caller().actor()));
        return ApiResponse.created(suppressions.find(database, email).orElseThrow(),
                "/suppressions/" + URLEncoder.encode(email.value(), StandardCharsets.UTF_8));
    }

    /** Admin only, and never for a spam complaint or an erasure. */
    private ApiResponse lift(ApiRequest request) {
        request.caller().require(Role.ADMIN);
        EmailAddress email = email(request.pathParameter("email"), "email");
        database.inTransaction(tx -> {
            var existing = suppressions.find(tx, email)
                    .orElseThrow(() -> ApiProblem.notFound(email.value() + " is not suppressed"));
            if (SuppressionReason.fromWireName(existing.reason()).map(SuppressionReason::isPermanent).orElse(true)) {
                throw ApiProblem.conflict("a " + existing.reason() + " suppression is never lifted");
            }
            return suppressions.lift(tx, email, request.caller().actor());
        });
        return ApiResponse.noContent();
    }

    private static EmailAddress email(String value, String field) {
        try {
            return EmailAddress.parse(value);
        } catch (EmailAddress.InvalidEmailException e) {
            throw ApiProblem.invalid(field, e.getMessage());
        }
    }
}
