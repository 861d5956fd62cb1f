package com.campaignmanager.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one parser of settings: absent takes the default, present must be right or the function does not start. */
class EnvironmentTest {
    private static Environment with(String name, String value) {
        return Environment.of(Map.of(name, value));
    }

    private static void rejects(Environment environment, Runnable read, String variable, String... details) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidConfigurationException.class,
                e -> assertThat(e.variable()).isEqualTo(variable))
                .hasMessageContaining(variable).hasMessageContainingAll(details);
    }

    @Test
    void blankIsAbsentAndValuesAreTrimmed() {
        Environment env = Environment.of(Map.of("A", "  x  ", "B", "   "));

        assertThat(env.optional("A")).contains("x");
        assertThat(env.optional("B")).isEmpty();
        assertThat(env.required("A")).isEqualTo("x");
        assertThatThrownBy(() -> env.required("B")).isInstanceOfSatisfying(MissingConfigurationException.class,
                e -> assertThat(e.variable()).isEqualTo("B"));
    }

    @Test
    void wholeNumbersWithinTheirRange() {
        assertThat(Environment.of(Map.of()).optionalInt("N", 4, 1, 168)).isEqualTo(4);
        assertThat(with("N", " 1 ").optionalInt("N", 4, 1, 168)).isEqualTo(1);
        assertThat(with("N", "168").optionalInt("N", 4, 1, 168)).isEqualTo(168);

        for (String bad : List.of("abc", "0", "169", "-3", "4.5", "4h", "99999999999")) {
            Environment env = with("N", bad);
            rejects(env, () -> env.optionalInt("N", 4, 1, 168), "N", "'" + bad + "'", "a whole number from 1 to 168");
        }
    }

    @Test
    void durationsAreWholeNumbersOfTheNamedUnit() {
        assertThat(Environment.of(Map.of()).optionalDuration("D_DAYS", ChronoUnit.DAYS, 30, 1, 3650))
                .isEqualTo(Duration.ofDays(30));
        assertThat(with("D_DAYS", "7").optionalDuration("D_DAYS", ChronoUnit.DAYS, 30, 1, 3650))
                .isEqualTo(Duration.ofDays(7));
        Environment env = with("D_DAYS", "P7D");
        rejects(env, () -> env.optionalDuration("D_DAYS", ChronoUnit.DAYS, 30, 1, 3650), "D_DAYS",
                "from 1 to 3650");
    }

    @Test
    void listsAreCommaSeparatedTrimmedWithoutEmptyItems() {
        assertThat(with("L", " a.example, ,b.example ,, c ").optionalList("L"))
                .containsExactly("a.example", "b.example", "c");
        assertThat(with("L", " , ").optionalList("L")).isEmpty();
        assertThat(Environment.of(Map.of()).optionalList("L")).isEmpty();
    }

    @Test
    void booleansAreTrueOrFalse() {
        assertThat(with("B", "TRUE").optionalBoolean("B", false)).isTrue();
        assertThat(with("B", "false").optionalBoolean("B", true)).isFalse();
        assertThat(Environment.of(Map.of()).optionalBoolean("B", true)).isTrue();
        Environment env = with("B", "yes");
        rejects(env, () -> env.optionalBoolean("B", false), "B", "'yes'", "true or false");
    }

    @Test
    void choicesAreOneOfTheAllowedInAnyCase() {
        assertThat(with("C", "Mailjet").optionalChoice("C", "outbox", List.of("outbox", "mailjet")))
                .isEqualTo("mailjet");
        assertThat(Environment.of(Map.of()).optionalChoice("C", "outbox", List.of("outbox", "mailjet")))
                .isEqualTo("outbox");
        Environment env = with("C", "sendgrid");
        rejects(env, () -> env.optionalChoice("C", "outbox", List.of("outbox", "mailjet")), "C", "'sendgrid'",
                "one of outbox, mailjet");
    }

    @Test
    void urlsAreAbsoluteHttpOrHttps() {
        assertThat(with("U", "https://hooks.example.com/x").optionalUrl("U"))
                .contains(URI.create("https://hooks.example.com/x"));
        assertThat(Environment.of(Map.of()).optionalUrl("U")).isEqualTo(Optional.empty());
        for (String bad : List.of("localhost:8080", "hooks.example.com/x", "ftp://files.example.com", "http://",
                "https://exa mple.com")) {
            Environment env = with("U", bad);
            rejects(env, () -> env.optionalUrl("U"), "U", "an absolute http(s) URL");
        }
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
        Environment env = with("N", "9".repeat(500));
        assertThatThrownBy(() -> env.optionalInt("N", 1, 1, 2)).hasMessageNotContaining("9".repeat(101));
    }
}
