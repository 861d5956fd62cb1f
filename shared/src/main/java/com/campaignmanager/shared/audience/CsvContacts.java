package com.campaignmanager.shared.audience;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a contacts CSV: a header row with {@code email} (required), {@code first_name}/{@code firstName},
 * {@code last_name}/{@code lastName}, any other column becoming an attribute; UTF-8 with or without BOM; comma
 * or semicolon; quoted fields. Rows for the same address are merged (later values win); invalid rows are reported
 * with their line and never stop the valid ones.
 */
public final class CsvContacts {
    /** Invalid lines listed in a summary; the rest are only counted. */
    public static final int MAX_REPORTED_INVALID = 100;

    public record InvalidLine(long line, String email, String reason) {
    }

    /**
     * @param contacts one per address, in first-seen order
     * @param invalidCount all invalid rows; {@code invalid} lists the first {@link #MAX_REPORTED_INVALID}
     */
    public record Parsed(int rows, List<ContactInput> contacts, int duplicates, int invalidCount, List<InvalidLine> invalid) {
    }

    /** Thrown when the file itself is unusable (no header, no email column): nothing can be imported. */
    public static final class UnreadableCsvException extends IllegalArgumentException {
        public UnreadableCsvException(String message) {
            super(message);
        }
    }

    private CsvContacts() {
    }

    public static Parsed parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstLineEnd = content.indexOf('\n');
        String headerLine = firstLineEnd < 0 ? content : content.substring(0, firstLineEnd);
        char delimiter = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw new UnreadableCsvException("the file has no header row");
            }
            Columns columns = Columns.of(header);
            Map<String, ContactInput> byKey = new LinkedHashMap<>();
            List<InvalidLine> invalid = new ArrayList<>();
            int invalidCount = 0;
            int rows = 0;
            int duplicates = 0;
            for (CSVRecord record : parser) {
                rows++;
                String rawEmail = value(record, columns.email());
                EmailAddress email;
                try {
                    email = EmailAddress.parse(rawEmail);
                } catch (EmailAddress.InvalidEmailException e) {
                    invalidCount++;
                    if (invalid.size() < MAX_REPORTED_INVALID) {
                        invalid.add(new InvalidLine(record.getParser().getCurrentLineNumber(), rawEmail, e.getMessage()));
                    }
                    continue;
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                columns.attributes().forEach((name, index) -> {
                    String attribute = value(record, index);
                    if (attribute != null) {
                        attributes.put(name, attribute);
                    }
                });
                ContactInput contact = new ContactInput(email, value(record, columns.firstName()),
                        value(record, columns.lastName()), attributes);
                ContactInput earlier = byKey.get(email.key());
                if (earlier != null) {
                    duplicates++;
                    byKey.put(email.key(), earlier.mergedWith(contact));
                } else {
                    byKey.put(email.key(), contact);
                }
            }
            return new Parsed(rows, List.copyOf(byKey.values()), duplicates, invalidCount, invalid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof UnreadableCsvException unreadable) {
                throw unreadable;
            }
            // commons-csv: a quote that is never closed, a duplicate header name.
            throw new UnreadableCsvException("the file is not valid CSV: " + e.getMessage());
        }
    }

    private record Columns(int email, Integer firstName, Integer lastName, Map<String, Integer> attributes) {
        static Columns of(Map<String, Integer> header) {
            Integer email = null;
            Integer firstName = null;
            Integer lastName = null;
            Map<String, Integer> attributes = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> column : header.entrySet()) {
                String name = column.getKey() == null ? "" : column.getKey().strip();
                switch (name.toLowerCase(Locale.ROOT).replace("_", "")) {
                    case "email", "emailaddress" -> email = column.getValue();
                    case "firstname" -> firstName = column.getValue();
                    case "lastname" -> lastName = column.getValue();
                    default -> {
                        if (!name.isEmpty()) {
                            attributes.put(name, column.getValue());
                        }
                    }
                }
            }
            if (email == null) {
                throw new UnreadableCsvException("the header row has no email column");
            }
            return new Columns(email, firstName, lastName, attributes);
        }
    }

    private static String value(CSVRecord record, Integer index) {
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
