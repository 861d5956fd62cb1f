package com.campaignmanager.shared.email;

import com.campaignmanager.shared.config.Environment;
import com.campaignmanager.shared.db.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import java.util.List;
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
    static EmailProvider emailProvider(Environment env, Database db) {
        return create(env, db);
    }

    /** The provider {@code env} asks for; public so that the local runner and tests choose the same way. */
    public static EmailProvider create(Environment env, Database db) {
        // Only trees and plain values are written and read here: no need for the API's strict mapper.
        ObjectMapper json = new ObjectMapper();
        String choice = env.optionalChoice(EMAIL_PROVIDER, OutboxProvider.NAME,
                List.of(OutboxProvider.NAME, MailjetProvider.NAME));
        return choice.equals(MailjetProvider.NAME) ? new MailjetProvider(MailjetSettings.from(env), json)
                : new OutboxProvider(db, new OutboxRepository(json));
    }
}
