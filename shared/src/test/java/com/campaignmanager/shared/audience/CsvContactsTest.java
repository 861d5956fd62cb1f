package com.campaignmanager.shared.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvContactsTest {

    private static List<String> emails(CsvContacts.Parsed parsed) {
        return parsed.contacts().stream().map(c -> c.email().value()).toList();
    }

    private static List<Long> invalidLines(CsvContacts.Parsed parsed) {
        return parsed.invalid().stream().map(CsvContacts.InvalidLine::line).toList();
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() {
        CsvContacts.Parsed parsed = CsvContacts.parse("email,first_name,note\r\n"
                + "\"ann@example.com\",\"Ann, \"\"the\"\" first\",\"two\nlines\"\r\n"
                + "bob@example.com,Bob,plain \"quote\" inside\r\n");

        assertThat(emails(parsed)).containsExactly("ann@example.com", "bob@example.com");
        assertThat(parsed.contacts().get(0).firstName()).isEqualTo("Ann, \"the\" first");
        assertThat(parsed.contacts().get(0).attributes()).containsEntry("note", "two\nlines");
        assertThat(parsed.contacts().get(1).attributes()).containsEntry("note", "plain \"quote\" inside");
        assertThat(parsed.invalid()).isEmpty();
    }

    @Test
    void aQuoteInsideAFieldLosesThatLineOnly() {
        CsvContacts.Parsed parsed = CsvContacts.parse("email,first_name\n"
                + "\"quoted, person\"@example.net,Q\n"
                + "ann@example.com,\"Ann\"x\n"
                + "bob@example.com,Bob\n");

        assertThat(emails(parsed)).containsExactly("bob@example.com");
        assertThat(parsed.rows()).isEqualTo(3);
        assertThat(invalidLines(parsed)).containsExactly(2L, 3L);
        assertThat(parsed.invalid().get(0).reason()).contains("after the closing quote");
    }

    @Test
    void aQuoteThatIsNeverClosedLosesItsLineAndTheRestIsRead() {
        CsvContacts.Parsed last = CsvContacts.parse("email,first_name\nann@example.com,Ann\n\"bob@example.com,Bob\n");
        CsvContacts.Parsed middle = CsvContacts.parse("email,first_name\n"
                + "\"ann@example.com\",\"multi\nline\"\n"
                + "\"bob@example.com,Bob\n"
                + "carol@example.com,Carol\n");

        assertThat(emails(last)).containsExactly("ann@example.com");
        assertThat(invalidLines(last)).containsExactly(3L);
        assertThat(last.invalid().get(0).reason()).isEqualTo("has a quoted field that is never closed");
        assertThat(emails(middle)).containsExactly("ann@example.com", "carol@example.com");
        assertThat(invalidLines(middle)).containsExactly(4L);
    }

    @Test
    void headerProblemsRefuseTheFileSayingWhat() {
        assertThatThrownBy(() -> CsvContacts.parse("\"email\"x,first_name\nann@example.com,Ann\n"))
                .isInstanceOf(CsvContacts.UnreadableCsvException.class)
                .hasMessageStartingWith("the header row (line 1) has text after the closing quote");
        assertThatThrownBy(() -> CsvContacts.parse("\"email,first_name\nann@example.com,Ann\n"))
                .hasMessage("the header row (line 1) has a quoted field that is never closed");
        assertThatThrownBy(() -> CsvContacts.parse("email,Email_Address\na@example.com,b@example.com\n"))
                .hasMessage("the header row has more than one email column");
        assertThatThrownBy(() -> CsvContacts.parse("email,plan,plan\na@example.com,x,y\n"))
                .hasMessage("the header row has the column plan twice");
        assertThatThrownBy(() -> CsvContacts.parse("email\u0000,first_name\na@example.com,A\n"))
                .hasMessage("the header row has a column name that contains a NUL character");
        assertThatThrownBy(() -> CsvContacts.parse("\uFEFF"))
                .hasMessage("the file has no header row");
    }

    @Test
    void valuesTheDatabaseCannotKeepLoseTheirLineNamingTheColumn() {
        CsvContacts.Parsed parsed = CsvContacts.parse("email,first_name,company\n"
                + "ann@example.com,A\u0000nn,Acme\n"
                + "bob@example.com,Bob," + "x".repeat(50_000) + "\n"
                + "carol\ud800@example.com,Carol,Acme\n"
                + "dave@example.com,Dave,Acme\n");

        assertThat(emails(parsed)).containsExactly("dave@example.com");
        assertThat(parsed.invalid()).extracting(CsvContacts.InvalidLine::reason).containsExactly(
                "first_name contains a NUL character", "company is longer than 48 KB",
                "email is not valid Unicode (an unpaired surrogate)");
        assertThat(parsed.invalid().get(0).email()).isEqualTo("ann@example.com");
        assertThat(parsed.invalid().get(2).email()).isNull();
    }

    @Test
    void lineBreaksOfEveryKindAndEmptyLinesAreRead() {
        CsvContacts.Parsed parsed = CsvContacts.parse("email;first_name\r\rann@example.com;Ann\r\n\nbad;B\rbob@example.com;Bob");

        assertThat(emails(parsed)).containsExactly("ann@example.com", "bob@example.com");
        assertThat(invalidLines(parsed)).containsExactly(5L);
    }
}
