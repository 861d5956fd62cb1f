package com.campaignmanager.shared.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.campaignmanager.shared.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider choice and settings, and the outbox's named SQL (every name the repository uses exists). */
class EmailConfigurationTest {
    @Test
    void outboxIsTheDefaultAndMailjetIsChosenByName() {
        assertThat(EmailModule.create(Environment.of(Map.of()), null).name()).isEqualTo("outbox");
        EmailProvider mailjet = EmailModule.create(Environment.of(Map.of("EMAIL_PROVIDER", "Mailjet")), null);
        assertThat(mailjet.name()).isEqualTo("mailjet");
        assertThat(mailjet.maxBatchSize()).isEqualTo(50);
        assertThat(mailjet.check()).isEqualTo(new ProviderCheck(false, false,
                "MAILJET_API_KEY and MAILJET_API_SECRET are not set"));
    }

    @Test
    void anUnknownProviderFailsAtStartNamingTheVariable() {
        assertThatThrownBy(() -> EmailModule.create(Environment.of(Map.of("EMAIL_PROVIDER", "sendgrid")), null))
                .isInstanceOf(com.campaignmanager.shared.config.InvalidConfigurationException.class)
                .hasMessageContaining("EMAIL_PROVIDER").hasMessageContaining("sendgrid")
                .hasMessageContaining("one of outbox, mailjet");
    }

    @Test
    void mailjetSettingsHaveDefaultsAndHideTheSecret() {
        MailjetSettings settings = MailjetSettings.from(Environment.of(Map.of("MAILJET_API_KEY", "key",
                "MAILJET_API_SECRET", "s3cret", "MAILJET_API_URL", "http://localhost:1234/", "MAILJET_SANDBOX", "TRUE")));
        assertThat(settings.apiUrl()).isEqualTo("http://localhost:1234");
        assertThat(settings.sandbox()).isTrue();
        assertThat(settings.configured()).isTrue();
        assertThat(settings.toString()).doesNotContain("s3cret");
        assertThat(MailjetSettings.from(Environment.of(Map.of())).apiUrl()).isEqualTo("https://api.mailjet.com");
        assertThatThrownBy(() -> MailjetSettings.from(Environment.of(Map.of("MAILJET_SANDBOX", "yes"))))
                .hasMessageContaining("MAILJET_SANDBOX");
        assertThatThrownBy(() -> MailjetSettings.from(Environment.of(Map.of("MAILJET_API_URL", "api.mailjet.com"))))
                .hasMessageContaining("MAILJET_API_URL").hasMessageContaining("an absolute http(s) URL");
    }

    @Test
    void outboxStatementsExist() {
        assertThat(OutboxRepository.SQL.names()).containsExactlyInAnyOrder("store-messages", "find-message",
                "page-messages");
    }
}
