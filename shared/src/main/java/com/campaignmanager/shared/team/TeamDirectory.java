package com.campaignmanager.shared.team;

import com.campaignmanager.shared.db.Database;
import com.campaignmanager.shared.db.Params;
import com.campaignmanager.shared.db.SqlStatements;
import com.campaignmanager.shared.http.Caller;
import com.campaignmanager.shared.http.CallerDirectory;
import com.campaignmanager.shared.http.Role;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Matches a signed-in caller to a team member (one Data API call): a member gets exactly the member's role, a
 * deactivated member none. A member is bound to one token subject: the e-mail claim finds a member only while it
 * is bound to none, and only when the token says the address is verified (Cognito lets users change their own
 * address, unverified). Someone who is not a member keeps the roles of their token (Cognito groups), so a pool
 * managed by groups works without a team list. {@code ADMIN_EMAIL} names the first admin: with a verified
 * address, they become a member the first time they call.
 */
@Singleton
public final class TeamDirectory implements CallerDirectory {
    private static final SqlStatements SQL = SqlStatements.load(TeamDirectory.class, "directory.sql");
    private static final String RESOLVE_CALLER = SQL.statement("resolve-caller");
    public static final String ADMIN_EMAIL = FirstAdmin.VARIABLE;

    private final Database database;
    private final Optional<String> firstAdmin;

    @Inject
    public TeamDirectory(Database database, FirstAdmin firstAdmin) {
        this.database = database;
        this.firstAdmin = firstAdmin.email();
    }

    public TeamDirectory(Database database, Optional<String> firstAdmin) {
        this(database, new FirstAdmin(firstAdmin));
    }

    @Override
    public Caller resolve(Caller fromToken) {
        boolean isFirstAdmin = fromToken.email() != null && fromToken.emailVerified()
                && firstAdmin.map(email -> email.equalsIgnoreCase(fromToken.email())).orElse(false);
        Optional<Caller> member = lookUp(fromToken, isFirstAdmin);
        if (member.isEmpty() && isFirstAdmin) {
            // Two first calls at once: the other one created the member, so it is there to be found now.
            member = lookUp(fromToken, false);
        }
        return member.orElse(fromToken);
    }

    private Optional<Caller> lookUp(Caller fromToken, boolean isFirstAdmin) {
        return database.query(RESOLVE_CALLER, Params.of("subject", fromToken.subject())
                        .put("email", fromToken.email()).put("emailVerified", fromToken.emailVerified())
                        .put("firstAdmin", isFirstAdmin),
                r -> fromToken.asMember(r.uuid("id"), r.string("email"), Boolean.TRUE.equals(r.bool("active"))
                        ? Set.of(Role.fromWireName(r.string("role")).orElseThrow()) : Set.of()))
                .stream().findFirst();
    }
}
