package com.campaignmanager.shared.email;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import java.util.Locale;
import javax.inject.Singleton;

/**
 * The email provider of a function's component, chosen by {@code EMAIL_PROVIDER}: {@code outbox} (the default,
 * stores instead of sending) or {@code mailjet}. Any other value stops the function at start, naming the variable,
 * rather than letting a round run against a provider nobody meant.
 */
@Module
public final class EmailModule {
    public static final String EMAIL_PROVIDER = "EMAIL_PROVIDER";

    private EmailModule() {
    }

    @Provides
    @Singleton
    static EmailProvider emailProvider(Database db) {
        return create(Environment.system(), db);
    }

    /** The provider {@code env} asks for; public so that the local runner and tests choose the same way. */
    public static EmailProvider create(Environment env, Database db) {
        // Only trees and plain values are written and read here: no need for the API's strict mapper.
        ObjectMapper json = new ObjectMapper();
        String choice = env.optional(EMAIL_PROVIDER).orElse(OutboxProvider.NAME).toLowerCase(Locale.ROOT);
        return switch (choice) {
            case OutboxProvider.NAME -> new OutboxProvider(db, new OutboxRepository(json));
            case MailjetProvider.NAME -> new MailjetProvider(MailjetSettings.from(env), json);
            default -> throw new IllegalStateException(EMAIL_PROVIDER + " must be '" + OutboxProvider.NAME + "' or '"
                    + MailjetProvider.NAME + "', not '" + choice + "'");
        };
    }
}
